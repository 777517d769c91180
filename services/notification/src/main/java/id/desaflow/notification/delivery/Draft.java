package id.desaflow.notification.delivery;

import java.util.Map;
import java.util.Objects;

/**
 * Everything a new message needs. {@code contactEmail}/{@code contactPhone} are the addressee's contacts when the
 * message was written, kept (never shown) so a fallback to another channel needs no second look-up;
 * {@code variables} are kept so a fallback is written from the same facts in the other channel's template.
 */
public record Draft(String causedBy, String about, String requestId, Audience audience, String recipientKey,
        Channel channel, String address, String subject, String body, String link, String unsubscribeUrl,
        String language, Map<String, String> variables, String contactEmail, String contactPhone,
        String fallbackOf) {

    public Draft {
        Objects.requireNonNull(causedBy, "causedBy");
        Objects.requireNonNull(about, "about");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(recipientKey, "recipientKey");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        variables = variables == null ? Map.of() : Map.copyOf(variables);
        if (audience == Audience.RESIDENT) {
            Objects.requireNonNull(requestId, "a resident's message is about a request");
        }
    }

    public String notificationId() {
        return Notification.idFor(causedBy, audience, recipientKey, channel);
    }
}
