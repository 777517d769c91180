package id.desaflow.contracts.events;

import java.time.Instant;

/** A message about a request could not be delivered on {@code channel}; {@code recipient} is masked. */
public record NotificationFailed(String requestId, String notificationId, String channel, String recipient,
        String about, String reason, Instant failedAt) {
}
