package id.desaflow.contracts.events;

import java.time.Instant;

/** The final approval numbered and signed the letter; the request is done. */
public record LetterIssued(String requestId, String letterNumber, String letterType, String villageCode,
        String signerName, String signerPosition, Instant issuedAt) {
}
