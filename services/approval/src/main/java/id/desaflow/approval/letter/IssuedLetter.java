package id.desaflow.approval.letter;

import java.time.Instant;

/** One entry of the village's letter register: what the public verification page confirms. */
record IssuedLetter(String requestId, String letterNumber, String letterType, String villageCode,
        String applicantName, String signerName, String signerPosition, Instant issuedAt) {
}
