package id.desaflow.verification.rules;

import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * domisili-dusun: the registry says in which dusun the applicant lives, and the village knows that dusun. The
 * kepala dusun's approval step is routed by it, so an empty or unknown dusun is a question for an operator, not a
 * reason to refuse the resident.
 */
@Component
class DusunRule implements VerificationRule {
    private final VillageSettings villages;

    DusunRule(VillageSettings villages) {
        this.villages = villages;
    }

    @Override
    public String code() {
        return "domisili-dusun";
    }

    @Override
    public Check check(Facts facts, RuleEntry entry) {
        String dusun = facts.registered().dusun();
        if (dusun == null || dusun.isBlank()) {
            return Check.inconclusive("Dusun pemohon belum tercatat di data kependudukan; petugas desa akan "
                    + "memeriksa dan melengkapinya.");
        }
        boolean known = villages.village(facts.submission().villageCode())
                .map(v -> v.dusun().isEmpty() || v.dusun().stream().anyMatch(d -> key(d).equals(key(dusun))))
                .orElse(true);
        return known ? Check.pass("Pemohon berdomisili di Dusun " + dusun + ".")
                : Check.inconclusive("Dusun '" + dusun + "' pada data kependudukan tidak dikenal di desa ini; "
                        + "petugas desa akan memeriksanya.");
    }

    /** "Dusun Bandung Kidul", "BANDUNG KIDUL" and "bandung  kidul" are the same dusun. */
    private static String key(String dusun) {
        return dusun.toLowerCase(Locale.ROOT).replaceFirst("^\\s*(dusun|dukuh)\\s+", "").replaceAll("\\s+", " ")
                .strip();
    }
}
