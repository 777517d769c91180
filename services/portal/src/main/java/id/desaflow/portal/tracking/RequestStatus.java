package id.desaflow.portal.tracking;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What intake tells anyone holding the tracking code (GET /api/v1/requests/{trackingCode}): no personal data. */
record RequestStatus(String trackingCode, String status, String statusLabel, String statusLabelEn, String letterType,
        String letterTypeLabel, String letterTypeLabelEn, String submittedAt, String updatedAt, String letterNumber,
        boolean letterRevoked, String revisionComment, String rejectionReason, List<TimelineEntry> timeline,
        List<RevisionProblem> revisionProblems) {
    private static final Set<String> FINISHED = Set.of("SELESAI", "DITOLAK", "DIBATALKAN");

    RequestStatus {
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
        revisionProblems = revisionProblems == null ? List.of() : List.copyOf(revisionProblems);
    }

    /** What verification or an official found for the resident to fix (e.g. a missing document). */
    record RevisionProblem(String field, String message) {
    }

    record TimelineEntry(String at, String code, String label, String text, String detail) {
        public String words() {
            return text != null ? text : label;
        }
    }

    public String letterLabel(Locale locale) {
        if ("en".equals(locale.getLanguage()) && letterTypeLabelEn != null) {
            return letterTypeLabelEn;
        }
        return letterTypeLabel != null ? letterTypeLabel : letterType;
    }

    /** Still open, so the resident may withdraw it (intake refuses once it is finished). */
    public boolean cancellable() {
        return status != null && !FINISHED.contains(status);
    }

    public boolean done() {
        return "SELESAI".equals(status);
    }

    public boolean needsRevision() {
        return "PERLU_PERBAIKAN".equals(status);
    }

    /** CSS modifier of the status badge; the badge's words carry the meaning, the colour only helps. */
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
