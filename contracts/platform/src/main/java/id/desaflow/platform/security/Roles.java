package id.desaflow.platform.security;

import java.util.List;
import java.util.Set;

/** The role names in DesaFlow tokens (claim {@code roles}); officials' roles are also candidate-group suffixes. */
public final class Roles {
    public static final String OPERATOR = "operator";
    public static final String RT = "rt";
    public static final String RW = "rw";
    public static final String KADUS = "kadus";
    public static final String KASI_PELAYANAN = "kasi-pelayanan";
    public static final String KASI_PEMERINTAHAN = "kasi-pemerintahan";
    public static final String SEKDES = "sekdes";
    public static final String KADES = "kades";
    public static final String ADMIN_DESA = "admin-desa";
    public static final String ADMIN_KECAMATAN = "admin-kecamatan";
    /** A resident signed in with NIK + PIN; never combined with an official's role. */
    public static final String WARGA = "warga";

    /** The roles of a village's officials and administrators, in the order of the village hierarchy. */
    public static final List<String> OFFICIALS = List.of(OPERATOR, RT, RW, KADUS, KASI_PELAYANAN,
            KASI_PEMERINTAHAN, SEKDES, KADES, ADMIN_DESA, ADMIN_KECAMATAN);

    public static final Set<String> ALL = Set.of(OPERATOR, RT, RW, KADUS, KASI_PELAYANAN, KASI_PEMERINTAHAN, SEKDES,
            KADES, ADMIN_DESA, ADMIN_KECAMATAN, WARGA);

    private Roles() {
    }
}
