package id.desaflow.notification.message;

import id.desaflow.notification.PublicLinks;
import id.desaflow.notification.delivery.Audience;
import id.desaflow.notification.recipient.Recipient;
import id.desaflow.notification.recipient.RecipientBook;
import id.desaflow.notification.template.LetterTypeNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** Turns one resident-facing event into the resident's messages (channels as their preferences plan). */
@Service
class ResidentNotifier {
    private static final Logger log = LoggerFactory.getLogger(ResidentNotifier.class);
    /** Shown where an event carries no reason or number, so no template ever has a hole. */
    static final String NONE = "-";

    private final RecipientBook recipients;
    private final Messenger messenger;
    private final LetterTypeNames letterTypes;
    private final PublicLinks links;

    ResidentNotifier(RecipientBook recipients, Messenger messenger, LetterTypeNames letterTypes, PublicLinks links) {
        this.recipients = recipients;
        this.messenger = messenger;
        this.letterTypes = letterTypes;
        this.links = links;
    }

    /**
     * @param causedBy the causing event's id (or another id that makes the message once-only)
     * @param details  event-specific variables ({@code reason}, {@code letterNumber})
     * @throws id.desaflow.notification.recipient.RecipientNotYetKnownException if the contacts have not arrived yet
     */
    void notify(String causedBy, ResidentUpdate update, String requestId, Map<String, String> details) {
        Recipient recipient = recipients.require(requestId);
        // a contact record from before resident keys existed: its messages stay together under the request
        String key = recipient.residentKey() != null ? recipient.residentKey() : "permohonan-" + requestId;
        int queued = messenger.send(new Messenger.Addressee(Audience.RESIDENT, key, recipient.name(),
                recipient.email(), recipient.phone(), recipient.villageCode()), causedBy, update.eventType().type(), requestId,
                language -> variables(recipient, update, details, language));
        log.debug("Queued {} message(s) about {} for request {}", queued, update, requestId);
    }

    Map<String, String> variables(Recipient recipient, ResidentUpdate update, Map<String, String> details,
            String language) {
        Map<String, String> variables = new HashMap<>();
        variables.put("reason", NONE);
        variables.put("letterNumber", NONE);
        variables.putAll(details);
        variables.put("name", Objects.requireNonNullElse(recipient.name(), NONE));
        variables.put("letterType", letterTypes.displayName(recipient.villageCode(), recipient.letterType(),
                language));
        variables.put("trackingCode", Objects.requireNonNullElse(recipient.trackingCode(), NONE));
        variables.put("status", update.status(language));
        variables.put("link", links.to("/lacak/" + recipient.trackingCode()));
        return variables;
    }
}
