package id.desaflow.verification.verification;

import id.desaflow.contracts.events.CheckResult;
import id.desaflow.verification.registry.Resident;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * data-lengkap: the registry entry has what the letter and the approval chain need (dusun for the kepala dusun's
 * step, birth date, KK number). When it does not, the data are inconclusive rather than wrong: an operator checks
 * the request by hand instead of the resident being refused for the village's own gap.
 */
@Component
class RegistryCompleteRule implements VerificationRule {

    @Override
    public String code() {
        return "data-lengkap";
    }

    @Override
    public Outcome onFailure() {
        return Outcome.MANUAL_CHECK;
    }

    @Override
    public CheckResult check(Facts facts) {
        Resident resident = facts.registered();
        List<String> gaps = new ArrayList<>();
        if (resident.dusun() == null || resident.dusun().isBlank()) {
            gaps.add("dusun");
        }
        if (resident.birthDate() == null) {
            gaps.add("tanggal lahir");
        }
        if (resident.kkNumber() == null || resident.kkNumber().isBlank()) {
            gaps.add("nomor KK");
        }
        return gaps.isEmpty() ? pass("Data kependudukan lengkap.")
                : fail("Data kependudukan belum lengkap (" + String.join(", ", gaps) + "); petugas desa akan "
                        + "memeriksa permohonan ini secara manual.");
    }
}
