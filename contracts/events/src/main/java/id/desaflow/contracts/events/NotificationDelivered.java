package id.desaflow.contracts.events;

import java.time.Instant;

/** A message about a request reached the resident; {@code recipient} is masked. */
public record NotificationDelivered(String requestId, String notificationId, String channel, String recipient,
        String about, Instant deliveredAt) {
}
