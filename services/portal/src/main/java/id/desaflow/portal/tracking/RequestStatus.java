package id.desaflow.portal.tracking;

import java.util.List;

/** What intake tells a resident about one request (GET /api/v1/requests/{trackingCode}). */
record RequestStatus(String trackingCode, String status, String statusLabel, String letterType,
        String letterTypeLabel, String submittedAt, String updatedAt, String letterNumber, String revisionComment,
        String rejectionReason, List<TimelineEntry> timeline, List<RevisionProblem> revisionProblems) {

    RequestStatus {
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
        revisionProblems = revisionProblems == null ? List.of() : List.copyOf(revisionProblems);
    }

    /** What verification found for the resident to fix (e.g. a missing document). */
    record RevisionProblem(String field, String message) {
    }

    record TimelineEntry(String at, String code, String text, String detail) {
    }

    /** CSS modifier of the status badge: its colour says "in progress", "needs you", "done" or "ended". */
    public String tone() {
        if (status == null) {
            return "info";
        }
        return switch (status) {
            case "SELESAI" -> "done";
            case "PERLU_PERBAIKAN" -> "action";
            case "DITOLAK" -> "refused";
            case "DIBATALKAN" -> "ended";
            default -> "info";
        };
    }
}
