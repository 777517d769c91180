package id.desaflow.notification.template;

import id.desaflow.notification.delivery.Channel;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** An administrator's wording for one message type, channel and language; replaces the shipped default. */
@Document("templates")
class TemplateOverride {
    @Id
    private String id;
    private String messageType;
    private Channel channel;
    private String language;
    private String subject;
    private String body;
    private String updatedBy;
    private Instant updatedAt;

    private TemplateOverride() {
        // for the MongoDB mapping
    }

    TemplateOverride(String messageType, Channel channel, String language, String subject, String body,
            String updatedBy, Instant updatedAt) {
        this.id = idOf(messageType, channel, language);
        this.messageType = messageType;
        this.channel = channel;
        this.language = language;
        this.subject = subject;
        this.body = body;
        this.updatedBy = updatedBy;
        this.updatedAt = updatedAt;
    }

    static String idOf(String messageType, Channel channel, String language) {
        return messageType + "|" + channel + "|" + language;
    }

    Template template() {
        return new Template(subject, body);
    }

    String updatedBy() {
        return updatedBy;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
