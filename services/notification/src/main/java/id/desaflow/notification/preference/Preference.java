package id.desaflow.notification.preference;

import id.desaflow.notification.delivery.Channel;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * How one person (resident key or official's user id) wants to be told: channels in order of preference, opted
 * out of everything that leaves the system, language, and (officials) a daily digest instead of single messages.
 * A person without a stored preference gets the defaults.
 */
@Document("preferences")
public class Preference {
    /** Every channel, e-mail first (free), then WhatsApp, then SMS (paid per message), then the portal. */
    public static final List<Channel> DEFAULT_ORDER = List.of(Channel.EMAIL, Channel.WHATSAPP, Channel.SMS,
            Channel.IN_APP);

    @Id
    private String recipientKey;
    private List<Channel> channels;
    private boolean optedOut;
    private String language;
    @Indexed
    private boolean digest;
    private Instant optedOutAt;
    private Instant updatedAt;
    private String updatedBy;

    private Preference() {
        // for the MongoDB mapping
    }

    static Preference defaults(String recipientKey) {
        Preference p = new Preference();
        p.recipientKey = recipientKey;
        return p;
    }

    public String recipientKey() {
        return recipientKey;
    }

    /** The person's order, or the default order when they never chose. */
    public List<Channel> channels() {
        return channels == null ? DEFAULT_ORDER : List.copyOf(channels);
    }

    /** Whether the person chose their channels (false: the defaults apply). */
    public boolean custom() {
        return channels != null;
    }

    public boolean optedOut() {
        return optedOut;
    }

    /** id or en; null when the person never chose (the service's default applies). */
    public String language() {
        return language;
    }

    public boolean digest() {
        return digest;
    }

    public Instant optedOutAt() {
        return optedOutAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String updatedBy() {
        return updatedBy;
    }
}
