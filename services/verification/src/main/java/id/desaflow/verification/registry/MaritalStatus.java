package id.desaflow.verification.registry;

/** Status perkawinan as the KTP and KK write it; village systems number them 1-4. */
public enum MaritalStatus {
    BELUM_KAWIN, KAWIN, CERAI_HIDUP, CERAI_MATI
}
