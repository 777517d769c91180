package id.desaflow.contracts.events;

import java.time.Instant;

/** An administrator revoked an issued letter; its public verification page now says so. */
public record LetterRevoked(String requestId, String letterNumber, String reason, String revokedBy,
        Instant revokedAt) {
}
