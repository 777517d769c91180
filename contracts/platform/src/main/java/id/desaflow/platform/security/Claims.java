package id.desaflow.platform.security;

/** Names of the DesaFlow claims in access and ID tokens (besides the standard {@code sub}). */
public final class Claims {
    public static final String NAME = "name";
    /** 10-digit village code (kode desa Kemendagri) of an official, administrator or resident. */
    public static final String VILLAGE = "village";
    /** 6-digit kecamatan code; admin-kecamatan only, with {@link #VILLAGES}. */
    public static final String KECAMATAN = "kecamatan";
    public static final String VILLAGES = "villages";
    public static final String ROLES = "roles";
    /** The dusun a kadus heads, as written in the registry (e.g. {@code Bandung Kidul}). */
    public static final String DUSUN = "dusun";
    /** A resident's NIK: only in a resident's token. */
    public static final String NIK = "nik";

    private Claims() {
    }
}
