package id.desaflow.verification.rules;

import id.desaflow.verification.registry.MaritalStatus;
import org.springframework.stereotype.Component;

/** belum-menikah: the registry records the applicant as never married (BELUM_KAWIN; divorced is not unmarried). */
@Component
class UnmarriedRule implements VerificationRule {

    @Override
    public String code() {
        return "belum-menikah";
    }

    @Override
    public Check check(Facts facts, RuleEntry entry) {
        MaritalStatus status = facts.registered().maritalStatus();
        if (status == null) {
            return Check.inconclusive("Status perkawinan pemohon belum tercatat; petugas desa akan memeriksanya.");
        }
        return status == MaritalStatus.BELUM_KAWIN ? Check.pass("Pemohon tercatat belum kawin.")
                : Check.fail("Menurut data kependudukan desa, pemohon tidak berstatus belum kawin. Jika data ini "
                        + "keliru, silakan hubungi kantor desa dengan membawa dokumen pendukung.");
    }
}
