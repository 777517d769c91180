package id.desaflow.notification.delivery;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** One entry of the notification log as administrators see it: the recipient is masked. */
@Schema(name = "Notification")
record NotificationView(String id, String requestId, Channel channel,
        @Schema(description = "masked, e.g. s**@e******.id") String recipient,
        @Schema(description = "CloudEvents type of the event the message is about") String about,
        String subject, NotificationStatus status, int attempts, Instant nextAttemptAt, String lastError,
        Instant createdAt, Instant updatedAt, Instant deliveredAt, Instant failedAt, String resentBy,
        Instant resentAt) {

    static NotificationView of(Notification n) {
        return new NotificationView(n.id(), n.requestId(), n.channel(), n.maskedRecipient(), n.about(), n.subject(),
                n.status(), n.attempts(), n.nextAttemptAt(), n.lastError(), n.createdAt(), n.updatedAt(),
                n.deliveredAt(), n.failedAt(), n.resentBy(), n.resentAt());
    }
}
