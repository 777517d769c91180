package id.desaflow.notification.message;

import id.desaflow.contracts.events.EventType;

/**
 * The events a resident hears about, each with the status it puts the request in, as the resident's status page
 * words it. Officials' events (tasks, reminders, escalations) are the officials package's business.
 */
enum ResidentUpdate {
    SUBMITTED(EventType.REQUEST_SUBMITTED, "Diajukan", "Submitted"),
    VERIFIED(EventType.REQUEST_VERIFIED, "Menunggu persetujuan", "Awaiting approval"),
    VERIFICATION_FAILED(EventType.VERIFICATION_FAILED, "Ditolak", "Rejected"),
    RETURNED_FOR_REVISION(EventType.RETURNED_FOR_REVISION, "Perlu perbaikan", "Needs revision"),
    VERIFICATION_POSTPONED(EventType.VERIFICATION_POSTPONED, "Sedang diverifikasi", "Being verified"),
    REVISION_REQUESTED(EventType.REVISION_REQUESTED, "Perlu perbaikan", "Needs revision"),
    REJECTED(EventType.REQUEST_REJECTED, "Ditolak", "Rejected"),
    LETTER_ISSUED(EventType.LETTER_ISSUED, "Selesai - siap diambil / diunduh", "Done - ready to collect / download"),
    CANCELLED(EventType.REQUEST_CANCELLED, "Dibatalkan", "Cancelled"),
    LETTER_REVOKED(EventType.LETTER_REVOKED, "Surat dicabut", "Letter revoked");

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
