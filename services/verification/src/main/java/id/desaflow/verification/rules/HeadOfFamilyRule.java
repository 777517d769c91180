package id.desaflow.verification.rules;

import id.desaflow.verification.registry.FamilyRelation;
import org.springframework.stereotype.Component;

/** kepala-keluarga: the applicant is the head of their family (e.g. for changes to the Kartu Keluarga). */
@Component
class HeadOfFamilyRule implements VerificationRule {

    @Override
    public String code() {
        return "kepala-keluarga";
    }

    @Override
    public Check check(Facts facts, RuleEntry entry) {
        FamilyRelation relation = facts.registered().relation();
        if (relation == null) {
            return Check.inconclusive("Hubungan pemohon dalam keluarga belum tercatat; petugas desa akan memeriksa "
                    + "apakah pemohon kepala keluarga.");
        }
        return relation == FamilyRelation.KEPALA_KELUARGA ? Check.pass("Pemohon tercatat sebagai kepala keluarga.")
                : Check.fail("Pemohon tidak tercatat sebagai kepala keluarga; petugas desa akan memeriksa "
                        + "kewenangan pemohon atau surat kuasa dari kepala keluarga.");
    }
}
