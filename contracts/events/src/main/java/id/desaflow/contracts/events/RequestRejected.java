package id.desaflow.contracts.events;

import java.time.Instant;

/** An official refused the request; the chain has ended. */
public record RequestRejected(String requestId, String taskName, String reason, Instant rejectedAt) {
}
