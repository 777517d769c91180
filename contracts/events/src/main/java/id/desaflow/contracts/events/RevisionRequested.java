package id.desaflow.contracts.events;

import java.time.Instant;

/** An official sent the request back to the resident; {@code comment} says what to fix. */
public record RevisionRequested(String requestId, String taskName, String comment, Instant requestedAt) {
}
