package id.desaflow.notification.delivery;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/**
 * One entry of the notification log as administrators see it: the recipient masked, the text with contacts and any
 * one-time code masked.
 */
@Schema(name = "Notification")
record NotificationView(String id, String requestId, Audience audience,
        @Schema(description = "resident key (warga-...) or official's user id") String recipientKey,
        Channel channel,
        @Schema(description = "masked, e.g. s**@e******.id or 0812****7890") String recipient,
        @Schema(description = "CloudEvents type of the event the message is about") String about,
        String subject,
        @Schema(description = "the text as sent, contacts and one-time codes masked (e.g. ••••13)") String body,
        NotificationStatus status, int attempts, Instant nextAttemptAt, String lastError,
        String provider, String providerReference, String fallbackOf, Instant createdAt, Instant updatedAt,
        Instant acceptedAt, Instant deliveredAt, Instant failedAt, String resentBy, Instant resentAt) {

    static NotificationView of(Notification n) {
        return new NotificationView(n.id(), n.requestId(), n.audience(), n.recipientKey(), n.channel(),
                n.maskedRecipient(), n.about(), n.subject(), n.visibleBody(), n.status(), n.attempts(), n.nextAttemptAt(),
                n.lastError(), n.provider(), n.providerReference(), n.fallbackOf(), n.createdAt(), n.updatedAt(),
                n.acceptedAt(), n.deliveredAt(), n.failedAt(), n.resentBy(), n.resentAt());
    }
}
