package id.desaflow.verification.registry;

/** Whether a registered person still lives in the village. */
public enum ResidentStatus {
    HIDUP, MENINGGAL, PINDAH
}
