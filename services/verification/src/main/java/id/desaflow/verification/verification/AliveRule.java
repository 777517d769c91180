package id.desaflow.verification.verification;

import id.desaflow.contracts.events.CheckResult;
import id.desaflow.verification.registry.ResidentStatus;
import org.springframework.stereotype.Component;

/** masih-hidup: the registry does not record the applicant as deceased. */
@Component
class AliveRule implements VerificationRule {

    @Override
    public String code() {
        return "masih-hidup";
    }

    @Override
    public CheckResult check(Facts facts) {
        return facts.registered().status() == ResidentStatus.MENINGGAL
                ? fail("Menurut data kependudukan desa, pemilik NIK ini telah meninggal dunia. Jika data ini "
                        + "keliru, silakan hubungi kantor desa.")
                : pass("Pemohon tercatat masih hidup.");
    }
}
