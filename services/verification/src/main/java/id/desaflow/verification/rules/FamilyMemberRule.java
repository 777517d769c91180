package id.desaflow.verification.rules;

import id.desaflow.platform.identity.Nik;
import id.desaflow.verification.registry.Resident;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * anggota-kk (parameter field): the person whose NIK the request names in {@code field} (the deceased, the mother,
 * the testator) is in the applicant's Kartu Keluarga, e.g. kematian: the reporter is family of the deceased. A
 * reporter from another KK may still be entitled (a sibling, the RT), so the rules file makes a failure a manual
 * check; the message names nobody.
 */
@Component
class FamilyMemberRule implements VerificationRule {
    private final LetterTypes letterTypes;

    FamilyMemberRule(LetterTypes letterTypes) {
        this.letterTypes = letterTypes;
    }

    @Override
    public String code() {
        return "anggota-kk";
    }

    @Override
    public boolean readsSubmission() {
        return true;
    }

    @Override
    public void validate(RuleEntry entry, Optional<LetterTypes.LetterType> letterType) {
        String field = entry.requiredText("field");
        letterType.filter(type -> !type.fieldLabels().containsKey(field)).ifPresent(type -> {
            throw new IllegalStateException("anggota-kk: " + field + " is not a field of " + type.code()
                    + ", which has " + type.fieldLabels().keySet());
        });
    }

    @Override
    public Check check(Facts facts, RuleEntry entry) {
        String field = entry.requiredText("field");
        String label = letterTypes.find(facts.submission().villageCode(), facts.submission().letterType())
                .map(t -> t.fieldLabels().getOrDefault(field, field)).orElse(field);
        String nik = facts.submission().data().getOrDefault(field, "").strip();
        if (!Nik.isValid(nik)) {
            return Check.inconclusive("Isian '" + label + "' tidak berisi NIK yang sah; petugas desa akan "
                    + "memeriksanya.");
        }
        if (nik.equals(facts.registered().nik())) {
            return Check.fail("Isian '" + label + "' berisi NIK pemohon sendiri; petugas desa akan memeriksanya.");
        }
        Optional<Resident> other = facts.registry().apply(nik);
        String kk = facts.registered().kkNumber();
        if (other.isEmpty() || kk == null || other.get().kkNumber() == null) {
            return Check.inconclusive("NIK pada isian '" + label + "' atau Kartu Keluarganya tidak ditemukan di data "
                    + "kependudukan desa; petugas desa akan memeriksa hubungan keluarganya.");
        }
        return kk.equals(other.get().kkNumber())
                ? Check.pass("NIK pada isian '" + label + "' satu Kartu Keluarga dengan pemohon.")
                : Check.fail("NIK pada isian '" + label + "' tidak satu Kartu Keluarga dengan pemohon; petugas desa "
                        + "akan memeriksa hubungan keluarganya.");
    }
}
