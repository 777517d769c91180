package id.desaflow.verification.rules;

import id.desaflow.verification.registry.ResidentStatus;
import org.springframework.stereotype.Component;

/** masih-hidup: the registry does not record the applicant as deceased (missing persons go to an official). */
@Component
class AliveRule implements VerificationRule {

    @Override
    public String code() {
        return "masih-hidup";
    }

    @Override
    public Check check(Facts facts, RuleEntry entry) {
        ResidentStatus status = facts.registered().status();
        if (status == ResidentStatus.MENINGGAL) {
            return Check.fail("Menurut data kependudukan desa, pemilik NIK ini telah meninggal dunia. Jika data ini "
                    + "keliru, silakan hubungi kantor desa.");
        }
        if (status == ResidentStatus.HILANG) {
            return Check.inconclusive("Pemilik NIK ini tercatat hilang di data kependudukan desa; petugas desa akan "
                    + "memeriksa permohonan ini.");
        }
        return Check.pass("Pemohon tercatat masih hidup.");
    }
}
