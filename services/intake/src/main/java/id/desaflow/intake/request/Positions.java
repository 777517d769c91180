package id.desaflow.intake.request;

import java.util.Map;

/** The Indonesian position name of an approval role, as residents know the officials. */
final class Positions {
    /** The role whose task is the signature (DOMAIN.md: the kepala desa signs letters). */
    static final String SIGNER_ROLE = "kades";

    private static final Map<String, String> NAMES = Map.of(
            "kasi-pelayanan", "Kasi Pelayanan",
            "kasi-pemerintahan", "Kasi Pemerintahan",
            "kasi-kesejahteraan", "Kasi Kesejahteraan",
            "kaur", "Kepala Urusan",
            "kadus", "Kepala Dusun",
            "sekdes", "Sekretaris Desa",
            "kades", "Kepala Desa",
            "operator", "Operator Pelayanan");

    /** @return the position name, or {@code fallback} (the task's own name) for a role not listed here */
    static String of(String role, String fallback) {
        return NAMES.getOrDefault(role, fallback);
    }

    private Positions() {
    }
}
