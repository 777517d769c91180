package id.desaflow.verification.rules;

import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/** usia-minimal (parameter minAge): the applicant has reached the age the letter requires, e.g. 17 for a KTP. */
@Component
class MinimumAgeRule implements VerificationRule {

    @Override
    public String code() {
        return "usia-minimal";
    }

    @Override
    public void validate(RuleEntry entry, Optional<LetterTypes.LetterType> letterType) {
        entry.requiredInt("minAge", 1, 100);
    }

    @Override
    public Check check(Facts facts, RuleEntry entry) {
        int minAge = entry.requiredInt("minAge", 1, 100);
        LocalDate born = facts.registered().birthDate();
        if (born == null) {
            return Check.inconclusive("Tanggal lahir pemohon belum tercatat, sehingga usia minimal " + minAge
                    + " tahun tidak dapat diperiksa; petugas desa akan memeriksanya.");
        }
        return Period.between(born, facts.today()).getYears() >= minAge
                ? Check.pass("Pemohon sudah berusia " + minAge + " tahun atau lebih.")
                : Check.fail("Surat ini hanya dapat diajukan oleh warga yang sudah berusia " + minAge + " tahun. "
                        + "Permohonan dapat diajukan oleh orang tua atau wali.");
    }
}
