package id.desaflow.intake.request;

/**
 * What a resident sees of a request. {@link #stage} orders the forward path so that a late event never moves a
 * request backwards; terminal states never change again.
 */
enum RequestStatus {
    DIAJUKAN("Diajukan", "Submitted", 0),
    /** Verification could not finish yet (a dependency is down) and retries by itself: waiting, not refused. */
    SEDANG_DIVERIFIKASI("Sedang diverifikasi", "Being verified", 0),
    PERLU_PERBAIKAN("Perlu perbaikan", "Needs revision", 0),
    MENUNGGU_PERSETUJUAN("Menunggu persetujuan", "Awaiting approval", 1),
    MENUNGGU_TANDA_TANGAN("Menunggu tanda tangan", "Awaiting signature", 2),
    SELESAI("Selesai", "Completed", 3),
    DITOLAK("Ditolak", "Rejected", 3),
    DIBATALKAN("Dibatalkan", "Cancelled", 3);

    private final String label;
    private final String labelEn;
    private final int stage;

    RequestStatus(String label, String labelEn, int stage) {
        this.label = label;
        this.labelEn = labelEn;
        this.stage = stage;
    }

    String label() {
        return label;
    }

    String labelEn() {
        return labelEn;
    }

    boolean terminal() {
        return stage == 3;
    }

    /** Submitted (again) and not yet through verification: where verification's answers apply. */
    boolean awaitingVerification() {
        return this == DIAJUKAN || this == SEDANG_DIVERIFIKASI;
    }

    boolean before(RequestStatus other) {
        return stage < other.stage;
    }
}
