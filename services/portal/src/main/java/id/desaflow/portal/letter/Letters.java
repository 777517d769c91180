package id.desaflow.portal.letter;

import id.desaflow.portal.backend.BackendClients;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

import java.util.Optional;
import java.util.function.Consumer;

/** The approval service's register of issued letters: the signed PDF and the public authenticity record. */
@Component
public class Letters {
    private final RestClient approval;

    Letters(@BackendClients.Approval RestClient approval) {
        this.approval = approval;
    }

    /** What anyone may learn about a letter from the code printed on it (GET /api/v1/public/letters/{code}). */
    public record PublicLetter(String letterNumber, String letterType, String letterLabel, String issuedAt,
            String residentName, String signerName, String signerPosition, String status, String revokedAt,
            String revocationReason) {

        public boolean revoked() {
            return "REVOKED".equals(status);
        }
    }

    public Optional<PublicLetter> publicLetter(String verificationCode) {
        try {
            return Optional.ofNullable(approval.get().uri("/api/v1/public/letters/{code}", verificationCode)
                    .retrieve().body(PublicLetter.class));
        } catch (HttpClientErrorException.NotFound | HttpClientErrorException.BadRequest unknown) {
            return Optional.empty();
        }
    }

    /** The signed letter of a finished request; empty while there is none (404). */
    public Optional<byte[]> pdf(String trackingCode, Consumer<HttpHeaders> actor) {
        try {
            return Optional.ofNullable(approval.get().uri("/api/v1/letters/{code}/pdf", trackingCode)
                    .headers(actor).accept(MediaType.APPLICATION_PDF).retrieve().body(byte[].class));
        } catch (HttpClientErrorException.NotFound | HttpClientErrorException.Conflict notYet) {
            return Optional.empty();
        }
    }
}
