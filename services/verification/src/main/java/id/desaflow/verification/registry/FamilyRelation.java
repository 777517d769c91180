package id.desaflow.verification.registry;

/** Status hubungan dalam keluarga (SHDK) as the Kartu Keluarga writes it; village systems number them 1-11. */
public enum FamilyRelation {
    KEPALA_KELUARGA, SUAMI, ISTRI, ANAK, MENANTU, CUCU, ORANG_TUA, MERTUA, FAMILI_LAIN, PEMBANTU, LAINNYA
}
