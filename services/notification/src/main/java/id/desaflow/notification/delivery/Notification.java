package id.desaflow.notification.delivery;

import id.desaflow.contracts.events.NotificationDelivered;
import id.desaflow.contracts.events.NotificationFailed;
import id.desaflow.platform.identity.Masking;
import id.desaflow.platform.outbox.AggregateRoot;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One message about one event of a request, to one resident, on one channel. Its id is derived from the causing
 * event's id, so a redelivered event finds the message already there and causes no second one. The raw address
 * lives only here; everything that leaves this document (events, API, logs) carries it masked.
 */
@Document("notifications")
@CompoundIndex(name = "due", def = "{'status': 1, 'nextAttemptAt': 1}")
public class Notification extends AggregateRoot {
    /** The schema of the notification events allows ids up to this length. */
    private static final int MAX_ID_LENGTH = 64;
    private static final Set<NotificationStatus> DISPATCHABLE = EnumSet.of(NotificationStatus.PENDING,
            NotificationStatus.TEMPORARY_FAILURE);
    /** Mail servers echo addresses in their replies; nothing that leaves this document may carry one raw. */
    private static final Pattern EMAIL_ADDRESS = Pattern.compile("[^\\s<>\"'@,;:()\\[\\]]+@[^\\s<>\"'@,;:()\\[\\]]+");
    private static final Set<NotificationStatus> RESENDABLE = EnumSet.of(NotificationStatus.TEMPORARY_FAILURE,
            NotificationStatus.PERMANENT_FAILURE);

    @Id
    private String id;
    @Indexed
    private String requestId;
    private Channel channel;
    private String recipient;
    private String about;
    private String causedBy;
    private String subject;
    private String body;
    private NotificationStatus status;
    private int attempts;
    private Instant nextAttemptAt;
    private String lastError;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant deliveredAt;
    private Instant failedAt;
    private String resentBy;
    private Instant resentAt;

    private Notification() {
        // for the MongoDB mapping
    }

    /** {@code <event id>:<channel>}; an unusually long event id is folded into a name-based UUID to fit the schema. */
    public static String idFor(String causingEventId, Channel channel) {
        String id = causingEventId + ":" + channel;
        return id.length() <= MAX_ID_LENGTH ? id
                : UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)) + ":" + channel;
    }

    /** A new message, due at once. */
    public static Notification queue(String causingEventId, String about, String requestId, Channel channel,
            String recipient, String subject, String body, Instant now) {
        Notification n = new Notification();
        n.id = idFor(Objects.requireNonNull(causingEventId), channel);
        n.causedBy = causingEventId;
        n.about = Objects.requireNonNull(about);
        n.requestId = Objects.requireNonNull(requestId);
        n.channel = Objects.requireNonNull(channel);
        n.recipient = Objects.requireNonNull(recipient);
        n.subject = Objects.requireNonNull(subject);
        n.body = Objects.requireNonNull(body);
        n.status = NotificationStatus.PENDING;
        n.nextAttemptAt = now;
        n.createdAt = now;
        n.updatedAt = now;
        return n;
    }

    /** Due for a dispatcher: waiting and its time has come, or stuck in SENDING past its lease. */
    public boolean isDue(Instant now) {
        boolean waiting = DISPATCHABLE.contains(status) || status == NotificationStatus.SENDING;
        return waiting && nextAttemptAt != null && !nextAttemptAt.isAfter(now);
    }

    /**
     * Claims this message for one attempt; saved with its version, so of two dispatchers only one wins. A claim
     * taken over after an expired lease counts the lost attempt too.
     */
    public void startAttempt(Instant now, DeliveryPolicy policy) {
        if (!isDue(now)) {
            throw new IllegalStateException("Notification " + id + " is " + status + " and not due at " + now);
        }
        attempts++;
        status = NotificationStatus.SENDING;
        nextAttemptAt = now.plus(policy.lease());
        updatedAt = now;
    }

    public void delivered(Instant now) {
        requireSending("delivered");
        status = NotificationStatus.DELIVERED;
        nextAttemptAt = null;
        lastError = null;
        deliveredAt = now;
        updatedAt = now;
        publish(new NotificationDelivered(requestId, id, channel.name(), maskedRecipient(), about, now));
    }

    /** A failure that may pass: retried with backoff until the policy's attempts are used up. */
    public void failedTemporarily(String reason, Instant now, DeliveryPolicy policy) {
        requireSending("failed temporarily");
        if (attempts >= policy.maxAttempts()) {
            failedPermanently("Gagal setelah " + attempts + " percobaan: " + reason, now);
            return;
        }
        status = NotificationStatus.TEMPORARY_FAILURE;
        lastError = masked(reason);
        nextAttemptAt = now.plus(policy.backoffAfter(attempts));
        updatedAt = now;
    }

    public void failedPermanently(String reason, Instant now) {
        requireSending("failed permanently");
        status = NotificationStatus.PERMANENT_FAILURE;
        lastError = masked(reason);
        nextAttemptAt = null;
        failedAt = now;
        updatedAt = now;
        publish(new NotificationFailed(requestId, id, channel.name(), maskedRecipient(), about, lastError, now));
    }

    /** The attempt never reached the server (the circuit is open): give the claim back without counting it. */
    public void notAttempted(Instant retryAt, Instant now) {
        requireSending("released");
        attempts--;
        status = attempts == 0 ? NotificationStatus.PENDING : NotificationStatus.TEMPORARY_FAILURE;
        nextAttemptAt = retryAt;
        updatedAt = now;
    }

    /** An administrator asks to try a failed message again, from scratch. */
    public void resend(String actor, Instant now) {
        if (!RESENDABLE.contains(status)) {
            throw new NotificationStateException("Notifikasi berstatus " + status
                    + " tidak dapat dikirim ulang; hanya yang gagal (TEMPORARY_FAILURE, PERMANENT_FAILURE).");
        }
        status = NotificationStatus.PENDING;
        attempts = 0;
        nextAttemptAt = now;
        resentBy = actor;
        resentAt = now;
        updatedAt = now;
    }

    private void requireSending(String transition) {
        if (status != NotificationStatus.SENDING) {
            throw new IllegalStateException("Notification " + id + " cannot be " + transition + " while " + status);
        }
    }

    private static String masked(String text) {
        return text == null ? null
                : EMAIL_ADDRESS.matcher(text).replaceAll(m -> Matcher.quoteReplacement(Masking.email(m.group())));
    }

    public String maskedRecipient() {
        return Masking.email(recipient);
    }

    @Override
    protected String eventKey() {
        return requestId;
    }

    public String id() {
        return id;
    }

    public String requestId() {
        return requestId;
    }

    public Channel channel() {
        return channel;
    }

    /** The raw address: for the gateway only, never for logs, events or screens. */
    String recipient() {
        return recipient;
    }

    public String about() {
        return about;
    }

    public String subject() {
        return subject;
    }

    String body() {
        return body;
    }

    public NotificationStatus status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public String lastError() {
        return lastError;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant deliveredAt() {
        return deliveredAt;
    }

    public Instant failedAt() {
        return failedAt;
    }

    public String resentBy() {
        return resentBy;
    }

    public Instant resentAt() {
        return resentAt;
    }
}
