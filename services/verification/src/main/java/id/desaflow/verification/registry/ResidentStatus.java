package id.desaflow.verification.registry;

/**
 * Status dasar: whether a registered person still lives in the village. HILANG (missing) is what village systems
 * record for a person whose whereabouts are unknown; no rule can decide about them without an official.
 */
public enum ResidentStatus {
    HIDUP, MENINGGAL, PINDAH, HILANG
}
