package id.desaflow.portal.officials;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** One open approval task as the approval service lists it (GET /api/v1/tasks). */
record Task(String id, String name, String role, String candidateGroup, String requestId, String trackingCode,
        String letterType, @JsonAlias("letterTypeLabel") String letterLabel, String applicantName, String dusun,
        String createdAt, String dueAt, String assignee, Boolean overdue, @JsonProperty("new") Boolean fresh) {

    /** Past its due date: the service says so, or the clock does when an older service does not. */
    public boolean late() {
        if (overdue != null) {
            return overdue;
        }
        Instant due = instant(dueAt);
        return due != null && due.isBefore(Instant.now());
    }

    public boolean isNew() {
        return Boolean.TRUE.equals(fresh);
    }

    public boolean claimedBy(String userId) {
        return userId != null && userId.equals(assignee);
    }

    public boolean claimedByOther(String userId) {
        return assignee != null && !assignee.isBlank() && !assignee.equals(userId);
    }

    public String letter() {
        return letterLabel != null ? letterLabel : letterType;
    }

    private static Instant instant(String iso) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return Instant.parse(iso);
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }
}
