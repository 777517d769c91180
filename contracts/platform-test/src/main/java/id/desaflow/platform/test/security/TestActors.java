package id.desaflow.platform.test.security;

import id.desaflow.platform.security.Actor;
import id.desaflow.platform.security.Roles;

import java.util.List;
import java.util.Set;

/**
 * The people of an authorization matrix: residents A and B of Desa Beji (village X), each official role of
 * village X and of Desa Sempu (village Y), their administrators and the admin of Kecamatan Andong. The same
 * people the identity service seeds for the demo (same NIKs, villages, dusun); user ids are test ids.
 */
public final class TestActors {
    /** Desa Beji, Kecamatan Andong, Boyolali: the demo village. */
    public static final String VILLAGE_X = "3309012004";
    /** Desa Sempu, the neighbouring village in the same kecamatan. */
    public static final String VILLAGE_Y = "3309012005";
    public static final String KECAMATAN = "330901";
    public static final String RESIDENT_A_NIK = "3309016108790002";
    public static final String RESIDENT_B_NIK = "3309010210740043";
    /** The dusun of village X's kadus in these fixtures. */
    public static final String DUSUN = "Bandung Kidul";

    /** Sri Wahyuni, resident of village X. */
    public static Actor residentA() {
        return Actor.resident("test-warga-a", "Sri Wahyuni", RESIDENT_A_NIK, VILLAGE_X);
    }

    /** Suparno, another resident of village X. */
    public static Actor residentB() {
        return Actor.resident("test-warga-b", "Suparno", RESIDENT_B_NIK, VILLAGE_X);
    }

    /** An official holding one role in a village; a kadus heads {@link #DUSUN}. */
    public static Actor official(String village, String role) {
        return Actor.official("test-" + role + "-" + village, "Petugas " + role, village, Set.of(role),
                Roles.KADUS.equals(role) ? DUSUN : null);
    }

    public static Actor kadus(String village, String dusun) {
        return Actor.official("test-kadus-" + Actor.slug(dusun) + "-" + village, "Kadus " + dusun, village,
                Set.of(Roles.KADUS), dusun);
    }

    public static Actor adminDesa(String village) {
        return official(village, Roles.ADMIN_DESA);
    }

    /** Administers villages X and Y. */
    public static Actor adminKecamatan() {
        return Actor.kecamatanAdmin("test-admin-kecamatan-" + KECAMATAN, "Admin Kecamatan Andong", KECAMATAN,
                List.of(VILLAGE_X, VILLAGE_Y));
    }

    /** The village roles an approval chain or inbox is checked with (everything but the administrators). */
    public static List<String> workingRoles() {
        return List.of(Roles.OPERATOR, Roles.RT, Roles.RW, Roles.KADUS, Roles.KASI_PELAYANAN,
                Roles.KASI_PEMERINTAHAN, Roles.SEKDES, Roles.KADES);
    }

    private TestActors() {
    }
}
