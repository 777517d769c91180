package id.desaflow.contracts.events;

import java.time.Instant;

/** The resident withdrew the request before it was signed. */
public record RequestCancelled(String requestId, String reason, Instant cancelledAt) {
}
