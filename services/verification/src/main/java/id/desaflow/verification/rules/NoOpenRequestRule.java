package id.desaflow.verification.rules;

import org.springframework.stereotype.Component;

/**
 * tidak-ada-permohonan-aktif: no other request of the same letter type by the same NIK is still in progress. Intake
 * already refuses such a second submission; this catches the ones that raced past it. The message names no other
 * request: whoever typed a stranger's NIK learns nothing about that person's requests.
 */
@Component
class NoOpenRequestRule implements VerificationRule {
    private final LetterTypes letterTypes;

    NoOpenRequestRule(LetterTypes letterTypes) {
        this.letterTypes = letterTypes;
    }

    @Override
    public String code() {
        return "tidak-ada-permohonan-aktif";
    }

    @Override
    public boolean needsResident() {
        return false;
    }

    @Override
    public Check check(Facts facts, RuleEntry entry) {
        Submission s = facts.submission();
        return facts.openRequests().otherOpen(s.nik(), s.letterType(), s.requestId())
                ? Check.fail("Masih ada permohonan " + letterTypes.label(s.villageCode(), s.letterType())
                        + " lain atas NIK ini yang sedang diproses. Tunggu sampai selesai, atau batalkan permohonan itu lalu ajukan lagi.")
                : Check.pass("Tidak ada permohonan lain yang sama yang sedang diproses.");
    }
}
