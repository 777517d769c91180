package id.desaflow.notification.message;

import id.desaflow.notification.delivery.Channel;
import id.desaflow.notification.delivery.Notification;
import id.desaflow.notification.delivery.Notifications;
import id.desaflow.notification.recipient.Recipient;
import id.desaflow.notification.recipient.RecipientBook;
import id.desaflow.notification.template.LetterTypeNames;
import id.desaflow.notification.template.MessageTemplates;
import id.desaflow.notification.template.RenderedMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns one resident-facing event into one queued message per channel. The message id comes from the event id,
 * so a redelivered event finds its message already queued and adds nothing.
 */
@Service
class ResidentNotifier {
    private static final Logger log = LoggerFactory.getLogger(ResidentNotifier.class);
    /** Shown where an event carries no reason or number, so no template ever has a hole. */
    static final String NONE = "-";

    private final RecipientBook recipients;
    private final Notifications notifications;
    private final MessageTemplates templates;
    private final LetterTypeNames letterTypes;
    private final Clock clock;
    private final String publicBaseUrl;
    private final String language;

    ResidentNotifier(RecipientBook recipients, Notifications notifications, MessageTemplates templates,
            LetterTypeNames letterTypes, Clock clock,
            @Value("${desaflow.public-base-url:http://localhost:8080}") String publicBaseUrl,
            @Value("${desaflow.notification.language:id}") String language) {
        this.recipients = recipients;
        this.notifications = notifications;
        this.templates = templates;
        this.letterTypes = letterTypes;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
        if (!MessageTemplates.LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("desaflow.notification.language must be one of "
                    + MessageTemplates.LANGUAGES + ", not " + language);
        }
        this.language = language;
    }

    /**
     * @param details event-specific variables ({@code reason}, {@code letterNumber})
     * @throws id.desaflow.notification.recipient.RecipientNotYetKnownException if the contacts have not arrived yet
     */
    void notify(String eventId, ResidentUpdate update, String requestId, Map<String, String> details) {
        Recipient recipient = recipients.require(requestId);
        if (recipient.email() == null) {
            log.debug("Request {} has no e-mail address; nothing to send about {}", requestId, update);
            return;
        }
        String id = Notification.idFor(eventId, Channel.EMAIL);
        if (notifications.existsById(id)) {
            log.debug("Event {} already has notification {}; redelivery ignored", eventId, id);
            return;
        }
        RenderedMessage message = templates.render(update.eventType().type(), language,
                variables(recipient, update, details));
        try {
            notifications.insert(Notification.queue(eventId, update.eventType().type(), requestId, Channel.EMAIL,
                    recipient.email(), message.subject(), message.body(), clock.instant()));
            log.debug("Queued notification {} about {} for request {}", id, update, requestId);
        } catch (DuplicateKeyException e) {
            log.debug("Event {} was queued concurrently as {}", eventId, id);
        }
    }

    Map<String, String> variables(Recipient recipient, ResidentUpdate update, Map<String, String> details) {
        Map<String, String> variables = new HashMap<>();
        variables.put("reason", NONE);
        variables.put("letterNumber", NONE);
        variables.putAll(details);
        variables.put("name", recipient.name());
        variables.put("letterType", letterTypes.displayName(recipient.letterType()));
        variables.put("trackingCode", recipient.trackingCode());
        variables.put("status", update.status(language));
        variables.put("link", publicBaseUrl + "/lacak/" + recipient.trackingCode());
        return variables;
    }
}
