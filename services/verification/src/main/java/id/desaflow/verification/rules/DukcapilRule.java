package id.desaflow.verification.rules;

import org.springframework.stereotype.Component;

/**
 * dukcapil-sesuai: the national population records (Dukcapil) confirm the NIK with the name on the request and the
 * registry's birth date. Runs only when the Dukcapil check is enabled, and last: when Dukcapil cannot answer, the
 * request waits (VerificationPostponed) and is checked again later, it is never refused for it. A NIK Dukcapil does
 * not know or data that differ are for an official to look at.
 */
@Component
class DukcapilRule implements VerificationRule {

    @Override
    public String code() {
        return "dukcapil-sesuai";
    }

    @Override
    public boolean readsSubmission() {
        return true;
    }

    @Override
    public boolean remote() {
        return true;
    }

    @Override
    public Check check(Facts facts, RuleEntry entry) {
        CivilRegistry.Match match = facts.civilRegistry().verify(facts.submission().nik(),
                facts.submission().applicant().name(), facts.registered().birthDate());
        if (match.refusal() != null) {
            return Check.inconclusive("Pemeriksaan ke Dukcapil tidak dapat dilakukan (" + match.refusal()
                    + "); petugas desa akan memeriksa data pemohon.");
        }
        if (!match.found()) {
            return Check.inconclusive("NIK tidak ditemukan pada data Dukcapil; petugas desa akan memeriksanya.");
        }
        return match.match() ? Check.pass("Data pemohon sesuai dengan data Dukcapil.")
                : Check.fail("Data pemohon berbeda dengan data Dukcapil" + (match.mismatched().isEmpty() ? ""
                        : " (" + String.join(", ", match.mismatched()) + ")") + "; petugas desa akan memeriksanya.");
    }
}
