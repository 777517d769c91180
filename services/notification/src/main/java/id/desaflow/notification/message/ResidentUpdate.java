package id.desaflow.notification.message;

import id.desaflow.contracts.events.EventType;

/**
 * The events a resident hears about, each with the status it puts the request in, as the resident's status page
 * words it. Events for officials (task created / completed) are not here: they get their own messages later.
 */
enum ResidentUpdate {
    SUBMITTED(EventType.REQUEST_SUBMITTED, "Diajukan", "Submitted"),
    VERIFIED(EventType.REQUEST_VERIFIED, "Menunggu persetujuan", "Awaiting approval"),
    VERIFICATION_FAILED(EventType.VERIFICATION_FAILED, "Ditolak", "Rejected"),
    REVISION_REQUESTED(EventType.REVISION_REQUESTED, "Perlu perbaikan", "Needs revision"),
    REJECTED(EventType.REQUEST_REJECTED, "Ditolak", "Rejected"),
    LETTER_ISSUED(EventType.LETTER_ISSUED, "Selesai - siap diambil / diunduh", "Done - ready to collect / download"),
    CANCELLED(EventType.REQUEST_CANCELLED, "Dibatalkan", "Cancelled");

    private final EventType eventType;
    private final String statusId;
    private final String statusEn;

    ResidentUpdate(EventType eventType, String statusId, String statusEn) {
        this.eventType = eventType;
        this.statusId = statusId;
        this.statusEn = statusEn;
    }

    EventType eventType() {
        return eventType;
    }

    String status(String language) {
        return "en".equals(language) ? statusEn : statusId;
    }
}
