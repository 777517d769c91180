package id.desaflow.verification.rules;

import id.desaflow.verification.registry.Resident;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * data-lengkap: the registry entry has what the letter needs (birth date, sex, KK number). When it does not, the
 * data are inconclusive rather than wrong: an operator checks the request instead of the resident being refused for
 * the village's own gap.
 */
@Component
class RegistryCompleteRule implements VerificationRule {

    @Override
    public String code() {
        return "data-lengkap";
    }

    @Override
    public Check check(Facts facts, RuleEntry entry) {
        Resident resident = facts.registered();
        List<String> gaps = new ArrayList<>();
        if (resident.birthDate() == null) {
            gaps.add("tanggal lahir");
        }
        if (resident.sex() == null) {
            gaps.add("jenis kelamin");
        }
        if (resident.kkNumber() == null || resident.kkNumber().isBlank()) {
            gaps.add("nomor KK");
        }
        return gaps.isEmpty() ? Check.pass("Data kependudukan lengkap.")
                : Check.fail("Data kependudukan belum lengkap (" + String.join(", ", gaps) + "); petugas desa akan "
                        + "memeriksa permohonan ini.");
    }
}
