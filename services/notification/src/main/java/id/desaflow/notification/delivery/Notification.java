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
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One message about one event, to one person, on one channel. Its id is derived from (event, recipient, channel),
 * so a redelivered event finds the message already there and causes no second one. The raw address lives only
 * here; everything that leaves this document (events, API, logs) carries it masked. Outcomes of residents'
 * messages are published (they show in the request's timeline); officials' are not.
 */
@Document("notifications")
@CompoundIndex(name = "due", def = "{'channel': 1, 'status': 1, 'nextAttemptAt': 1}")
@CompoundIndex(name = "event-recipient", def = "{'causedBy': 1, 'recipientKey': 1}")
public class Notification extends AggregateRoot {
    /** The schema of the notification events allows ids up to this length. */
    private static final int MAX_ID_LENGTH = 64;
    private static final Set<NotificationStatus> WAITING = EnumSet.of(NotificationStatus.PENDING,
            NotificationStatus.TEMPORARY_FAILURE, NotificationStatus.SENDING);
    private static final Set<NotificationStatus> RESENDABLE = EnumSet.of(NotificationStatus.TEMPORARY_FAILURE,
            NotificationStatus.PERMANENT_FAILURE, NotificationStatus.TECHNICAL_FAILURE);
    /** Servers and gateways echo addresses and numbers in their replies; nothing may leave this document raw. */
    private static final Pattern EMAIL_ADDRESS = Pattern.compile("[^\\s<>\"'@,;:()\\[\\]]+@[^\\s<>\"'@,;:()\\[\\]]+");
    private static final Pattern PHONE_NUMBER = Pattern.compile("\\+?\\d[\\d -]{6,}\\d");
    static final String NO_RECEIPT = "Penyedia tidak mengirim laporan penerimaan; dianggap terkirim.";

    @Id
    private String id;
    @Indexed
    private String requestId;
    /** The village whose administrators see this message in their log; null for account messages. */
    private String villageCode;
    private Audience audience;
    private String recipientKey;
    private Channel channel;
    private String recipient;
    private String about;
    private String causedBy;
    private String subject;
    private String body;
    private String link;
    private String unsubscribeUrl;
    private String language;
    private Map<String, String> variables;
    private String contactEmail;
    private String contactPhone;
    private NotificationStatus status;
    private int attempts;
    private Instant nextAttemptAt;
    private String lastError;
    private String provider;
    @Indexed(sparse = true)
    private String providerReference;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant acceptedAt;
    private Instant deliveredAt;
    private Instant failedAt;
    private String resentBy;
    private Instant resentAt;
    private String fallbackOf;
    private boolean fallbackAllowed;
    /** Set with a final failure while its fallback is not planned yet; a crash in between leaves it set. */
    @Indexed(sparse = true)
    private Boolean followUpPending;
    /** A one-time code in the text: kept only until the message is settled, never sent after {@code expiresAt}. */
    private String secret;
    private Instant expiresAt;

    private Notification() {
        // for the MongoDB mapping
    }

    /** A resident's message: {@code <event id>:<channel>} (the request names the resident). */
    public static String idFor(String causingEventId, Channel channel) {
        return fit(causingEventId + ":" + channel, channel);
    }

    /** {@code <event>:<channel>} for residents, {@code <event>:<recipient>:<channel>} for officials; long ids folded. */
    public static String idFor(String causedBy, Audience audience, String recipientKey, Channel channel) {
        return audience != Audience.RESIDENT ? fit(causedBy + ":" + recipientKey + ":" + channel, channel)
                : idFor(causedBy, channel);
    }

    private static String fit(String id, Channel channel) {
        return id.length() <= MAX_ID_LENGTH ? id
                : UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)) + ":" + channel;
    }

    /** A new message, due at once. A fallback never falls back again: one extra try per failed message. */
    public static Notification queue(Draft draft, Instant now) {
        Notification n = new Notification();
        n.id = draft.notificationId();
        n.causedBy = draft.causedBy();
        n.about = draft.about();
        n.requestId = draft.requestId();
        n.audience = draft.audience();
        n.recipientKey = draft.recipientKey();
        n.channel = draft.channel();
        n.recipient = draft.address();
        n.subject = draft.subject();
        n.body = draft.body();
        n.link = draft.link();
        n.unsubscribeUrl = draft.unsubscribeUrl();
        n.language = draft.language();
        n.variables = new HashMap<>(draft.variables());
        n.contactEmail = draft.contactEmail();
        n.contactPhone = draft.contactPhone();
        n.fallbackOf = draft.fallbackOf();
        n.fallbackAllowed = draft.fallbackOf() == null && draft.channel().external();
        n.status = NotificationStatus.PENDING;
        n.nextAttemptAt = now;
        n.createdAt = now;
        n.updatedAt = now;
        return n;
    }

    /**
     * This message carries a one-time code: no fallback (the person asked for this channel), shown masked, erased
     * from the stored text once settled, and never sent once expired.
     */
    public Notification carryingSecret(String code, Instant validUntil) {
        if (status != NotificationStatus.PENDING || attempts > 0) {
            throw new IllegalStateException("Notification " + id + " is already on its way");
        }
        secret = code;
        expiresAt = validUntil;
        fallbackAllowed = false;
        return this;
    }

    /** Set once, before the message is stored. */
    public Notification forVillage(String village) {
        villageCode = village;
        return this;
    }

    public String villageCode() {
        return villageCode;
    }

    public boolean isExpired(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }

    /** A claimed one-time code that expired before it could be sent: a late code only confuses; not sent. */
    public void expired(Instant now) {
        failedFinally(NotificationStatus.PERMANENT_FAILURE, "Kode sekali pakai kedaluwarsa sebelum terkirim; "
                + "tidak dikirim", now);
    }

    /** {@code ••••13}: enough for an administrator to match what the person reads out, useless to anyone else. */
    static String maskedSecret(String code) {
        return "\u2022\u2022\u2022\u2022" + (code.length() > 2 ? code.substring(code.length() - 2) : "");
    }

    private void forgetSecret() {
        if (secret == null) {
            return;
        }
        subject = hideSecret(subject);
        body = hideSecret(body);
        variables = variables == null ? null : new HashMap<>(variables);
        if (variables != null) {
            variables.replaceAll((k, v) -> hideSecret(v));
        }
        secret = null;
    }

    private String hideSecret(String text) {
        return text == null || secret == null ? text : text.replace(secret, maskedSecret(secret));
    }

    /** The text for the administrators' log: contacts masked, a one-time code masked. */
    public String visibleBody() {
        return masked(hideSecret(body));
    }

    /** Due for a dispatcher: waiting and its time has come (a retry, a lapsed claim, or a receipt overdue). */
    public boolean isDue(Instant now) {
        return WAITING.contains(status) && nextAttemptAt != null && !nextAttemptAt.isAfter(now);
    }

    /** Claimed, but the attempt's outcome was never saved: the service stopped mid-send. */
    public boolean isInDoubt() {
        return status == NotificationStatus.SENDING && providerReference == null;
    }

    public boolean isAwaitingReceipt() {
        return status == NotificationStatus.SENDING && providerReference != null;
    }

    /**
     * Claims this message for one attempt; saved with its version, so of two dispatchers only one wins. A claim
     * taken over after an expired lease counts the lost attempt too.
     */
    public void startAttempt(Instant now, DeliveryPolicy policy) {
        if (!isDue(now) || isAwaitingReceipt()) {
            throw new IllegalStateException("Notification " + id + " is " + status + " and not due at " + now);
        }
        attempts++;
        status = NotificationStatus.SENDING;
        nextAttemptAt = now.plus(policy.lease());
        updatedAt = now;
    }

    /** The provider took it: delivered, or (when it reports by receipt) sending until the receipt arrives. */
    public void accepted(String byProvider, String reference, boolean awaitingReceipt, Instant now,
            DeliveryPolicy policy) {
        requireSending("accepted");
        provider = byProvider;
        providerReference = reference;
        acceptedAt = now;
        lastError = null;
        if (awaitingReceipt && reference != null) {
            nextAttemptAt = now.plus(policy.receiptTimeout());
            updatedAt = now;
        } else {
            delivered(now);
        }
    }

    /**
     * A provider's delivery receipt. Settles a message still SENDING, including one in doubt (the receipt names it by
     * our id); ignored for a settled message or for a receipt about another copy.
     *
     * @return whether the message changed
     */
    public boolean receipt(ReceiptStatus receipt, String reference, String reason, Instant now,
            DeliveryPolicy policy) {
        if (status != NotificationStatus.SENDING) {
            return false;
        }
        if (providerReference != null && reference != null && !providerReference.equals(reference)) {
            return false;
        }
        boolean wasInDoubt = providerReference == null;
        if (wasInDoubt && reference != null) {
            providerReference = reference;
            acceptedAt = now;
        }
        switch (receipt) {
            case SENT -> {
                if (!wasInDoubt || reference == null) {
                    return false;
                }
                nextAttemptAt = now.plus(policy.receiptTimeout());
                updatedAt = now;
            }
            case DELIVERED -> delivered(now);
            case TEMPORARY_FAILURE -> failedTemporarily(reason, now, policy);
            case PERMANENT_FAILURE -> failedPermanently(reason, now);
        }
        return true;
    }

    /** Accepted long ago and no receipt came: some networks never report; the provider did take it. */
    public void receiptTimedOut(Instant now) {
        if (!isAwaitingReceipt() || nextAttemptAt.isAfter(now)) {
            throw new IllegalStateException("Notification " + id + " is not waiting for an overdue receipt");
        }
        delivered(now);
        lastError = NO_RECEIPT;
    }

    private void delivered(Instant now) {
        status = NotificationStatus.DELIVERED;
        nextAttemptAt = null;
        lastError = null;
        deliveredAt = now;
        updatedAt = now;
        forgetSecret();
        if (isPublic()) {
            publish(new NotificationDelivered(requestId, id, channel.name(), maskedRecipient(), about, now));
        }
    }

    /** A failure that may pass: retried with backoff until the policy's attempts are used up. */
    public void failedTemporarily(String reason, Instant now, DeliveryPolicy policy) {
        requireSending("failed temporarily");
        if (attempts >= policy.maxAttempts()) {
            failedPermanently("Gagal setelah " + attempts + " percobaan: " + reason, now);
            return;
        }
        status = NotificationStatus.TEMPORARY_FAILURE;
        providerReference = null; // the next try is a new message for the provider
        lastError = masked(reason);
        nextAttemptAt = now.plus(policy.backoffAfter(attempts));
        updatedAt = now;
    }

    public void failedPermanently(String reason, Instant now) {
        failedFinally(NotificationStatus.PERMANENT_FAILURE, reason, now);
    }

    public void failedTechnically(String reason, Instant now) {
        failedFinally(NotificationStatus.TECHNICAL_FAILURE, reason, now);
    }

    private void failedFinally(NotificationStatus finalStatus, String reason, Instant now) {
        requireSending("failed");
        status = finalStatus;
        lastError = masked(reason);
        nextAttemptAt = null;
        failedAt = now;
        updatedAt = now;
        followUpPending = fallbackAllowed ? Boolean.TRUE : null;
        forgetSecret();
        if (isPublic()) {
            publish(new NotificationFailed(requestId, id, channel.name(), maskedRecipient(), about, lastError, now));
        }
    }

    /** Nothing was sent (circuit open, rate limit): give the claim back without counting it. */
    public void notAttempted(Instant retryAt, Instant now) {
        requireSending("released");
        attempts--;
        status = attempts == 0 ? NotificationStatus.PENDING : NotificationStatus.TEMPORARY_FAILURE;
        nextAttemptAt = retryAt;
        updatedAt = now;
    }

    /** The provider could not be asked about a message in doubt: stay in doubt, ask again later. */
    public void stillInDoubt(Instant retryAt, Instant now) {
        requireSending("left in doubt");
        attempts--;
        nextAttemptAt = retryAt;
        updatedAt = now;
    }

    /** An administrator asks to try a failed message again, from scratch. */
    public void resend(String actor, Instant now) {
        if (expiresAt != null) {
            throw new NotificationStateException("Kode sekali pakai tidak dikirim ulang (sudah dihapus setelah "
                    + "pengiriman, dan berlaku singkat); warga meminta kode baru.");
        }
        if (!RESENDABLE.contains(status)) {
            throw new NotificationStateException("Notifikasi berstatus " + status + " tidak dapat dikirim ulang; "
                    + "hanya yang gagal (TEMPORARY_FAILURE, PERMANENT_FAILURE, TECHNICAL_FAILURE).");
        }
        status = NotificationStatus.PENDING;
        attempts = 0;
        providerReference = null;
        followUpPending = null;
        nextAttemptAt = now;
        resentBy = actor;
        resentAt = now;
        updatedAt = now;
    }

    /** The message as the gateway sends it; {@code queuedAt} is when this copy was (re)queued. */
    public OutgoingMessage outgoing() {
        return new OutgoingMessage(id, channel, recipient, subject, body, link, unsubscribeUrl, recipientKey,
                requestId, about, resentAt != null ? resentAt : createdAt);
    }

    private boolean isPublic() {
        return audience() == Audience.RESIDENT && requestId != null;
    }

    private void requireSending(String transition) {
        if (status != NotificationStatus.SENDING) {
            throw new IllegalStateException("Notification " + id + " cannot be " + transition + " while " + status);
        }
    }

    static String masked(String text) {
        if (text == null) {
            return null;
        }
        String noMail = EMAIL_ADDRESS.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                Masking.email(m.group())));
        return PHONE_NUMBER.matcher(noMail).replaceAll(m -> Matcher.quoteReplacement(
                Masking.phone(m.group().replaceAll("[ -]", ""))));
    }

    public String maskedRecipient() {
        return switch (channel) {
            case EMAIL -> Masking.email(recipient);
            case SMS, WHATSAPP -> Masking.phone(recipient);
            case IN_APP -> "portal";
        };
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

    public Audience audience() {
        return audience == null ? Audience.RESIDENT : audience;
    }

    public String recipientKey() {
        return recipientKey;
    }

    public Channel channel() {
        return channel;
    }

    public String about() {
        return about;
    }

    public String causedBy() {
        return causedBy;
    }

    public String subject() {
        return subject;
    }

    /** The text as sent; contains the person's name, so only for the gateway, the inbox and tests. */
    public String body() {
        return body;
    }

    public String language() {
        return language;
    }

    public Map<String, String> variables() {
        return variables == null ? Map.of() : Map.copyOf(variables);
    }

    /** Raw contacts for a fallback: never for logs, events or screens. */
    public String contactEmail() {
        return contactEmail;
    }

    public String contactPhone() {
        return contactPhone;
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

    public String provider() {
        return provider;
    }

    public String providerReference() {
        return providerReference;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant acceptedAt() {
        return acceptedAt;
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

    public String fallbackOf() {
        return fallbackOf;
    }

    public boolean fallbackAllowed() {
        return fallbackAllowed;
    }

    public boolean followUpPending() {
        return Boolean.TRUE.equals(followUpPending);
    }
}
