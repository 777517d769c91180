package id.desaflow.notification.delivery;

import java.time.Instant;

/**
 * One message as a gateway sends it. {@code address} is raw (e-mail address, phone number, or for in-app the
 * recipient key): gateways must never log it unmasked. {@code notificationId} travels with the message where the
 * provider allows (SMTP Message-ID, receipt callback URL, WhatsApp callback data) so receipts find their message. {@code queuedAt}: when this copy was queued
 * (or re-queued by an administrator), to tell it from older copies in a provider's look-up.
 */
public record OutgoingMessage(String notificationId, Channel channel, String address, String subject, String body,
        String link, String unsubscribeUrl, String recipientKey, String requestId, String about,
        Instant queuedAt) {
}
