package id.desaflow.notification.official;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A task event kept for an official's daily digest instead of a message. Its id is (event, official), so a
 * redelivered event keeps one item; {@code digestDate} is fixed when it arrives (the next digest after it).
 */
@Document("digest_items")
@CompoundIndex(name = "unsent", def = "{'userId': 1, 'sent': 1, 'digestDate': 1}")
class DigestItem {
    enum Kind {
        NEW, REMINDER, OVERDUE
    }

    @Id
    private String id;
    private String userId;
    private Kind kind;
    private String requestId;
    private String taskId;
    private String taskName;
    /** Null in items kept before villages named their letter types: the catalogue's name then. */
    private String villageCode;
    private String letterType;
    private String trackingCode;
    private Instant dueAt;
    private Instant at;
    private LocalDate digestDate;
    private boolean sent;

    private DigestItem() {
        // for the MongoDB mapping
    }

    DigestItem(String eventId, String userId, Kind kind, TaskFacts task, Instant at, LocalDate digestDate) {
        this.id = eventId + ":" + userId;
        this.userId = userId;
        this.kind = kind;
        this.requestId = task.requestId();
        this.taskId = task.taskId();
        this.taskName = task.taskName();
        this.villageCode = task.villageCode();
        this.letterType = task.letterType();
        this.trackingCode = task.trackingCode();
        this.dueAt = task.dueAt();
        this.at = at;
        this.digestDate = digestDate;
    }

    String id() {
        return id;
    }

    Kind kind() {
        return kind;
    }

    String taskName() {
        return taskName;
    }

    String villageCode() {
        return villageCode;
    }

    String letterType() {
        return letterType;
    }

    String trackingCode() {
        return trackingCode;
    }

    Instant dueAt() {
        return dueAt;
    }

    LocalDate digestDate() {
        return digestDate;
    }
}
