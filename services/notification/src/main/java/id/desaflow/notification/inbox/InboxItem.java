package id.desaflow.notification.inbox;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** One in-app notification in a resident's or official's portal inbox; its id is the notification's id. */
@Document("inbox")
@CompoundIndex(name = "recipient-newest", def = "{'recipientKey': 1, 'at': -1}")
class InboxItem {
    @Id
    private String id;
    private String recipientKey;
    private String requestId;
    private String about;
    private String title;
    private String body;
    private String link;
    private Instant at;
    private Instant readAt;

    private InboxItem() {
        // for the MongoDB mapping
    }

    InboxItem(String id, String recipientKey, String requestId, String about, String title, String body, String link,
            Instant at) {
        this.id = id;
        this.recipientKey = recipientKey;
        this.requestId = requestId;
        this.about = about;
        this.title = title;
        this.body = body;
        this.link = link;
        this.at = at;
    }

    /** Reading twice keeps the first time. */
    void read(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
    }

    String id() {
        return id;
    }

    String recipientKey() {
        return recipientKey;
    }

    String requestId() {
        return requestId;
    }

    String about() {
        return about;
    }

    String title() {
        return title;
    }

    String body() {
        return body;
    }

    String link() {
        return link;
    }

    Instant at() {
        return at;
    }

    Instant readAt() {
        return readAt;
    }
}
