package id.desaflow.contracts.events;

import java.time.Instant;

/**
 * Verification could not finish because a dependency (the Dukcapil population API) is slow or down; the request
 * waits and is retried automatically. Never a refusal.
 */
public record VerificationPostponed(String requestId, String trackingCode, int revision, String reason,
        Instant postponedAt) {
}
