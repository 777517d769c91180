package id.desaflow.approval.letter;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of the village's letter register, frozen at signing: everything the PDF prints and the public check
 * confirms. The applicant's NIK and the letter's data are printed on the letter but never leave the service as JSON.
 *
 * @param revokedFrom the client address a revocation came from (audit); never shown to residents
 * @param text what the letter says (the village's version of its type at signing); null for letters issued before
 *             letters kept it
 */
public record IssuedLetter(String requestId, String trackingCode, String letterNumber, String letterType,
        String villageCode, String dusun, String applicantName, @JsonIgnore String applicantNik,
        @JsonIgnore Map<String, String> data, String signerName, String signerPosition, boolean onBehalf,
        Instant issuedAt, @JsonIgnore String verificationCode, Status status, Instant revokedAt, String revokedBy,
        String revocationReason, @JsonIgnore String revokedFrom, @JsonIgnore LetterCatalogue.Type text) {

    public enum Status {
        VALID, REVOKED
    }

    public IssuedLetter {
        data = data == null ? Map.of() : Map.copyOf(data);
        status = status == null ? Status.VALID : status;
    }

    public boolean revoked() {
        return status == Status.REVOKED;
    }

    /** Revoking is final; a second revocation is refused, not silently repeated with another reason. */
    IssuedLetter revoke(String by, String reason, Instant at, String from) {
        if (revoked()) {
            throw new IllegalStateException("Surat " + letterNumber + " sudah dicabut pada " + revokedAt);
        }
        return new IssuedLetter(requestId, trackingCode, letterNumber, letterType, villageCode, dusun, applicantName,
                applicantNik, data, signerName, signerPosition, onBehalf, issuedAt, verificationCode,
                Status.REVOKED, at, by, reason, from, text);
    }
}
