package id.desaflow.portal.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import id.desaflow.portal.backend.BackendClients;
import id.desaflow.portal.signin.ResidentSession;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

import java.util.Optional;

/**
 * "Is this the resident of that request?": the session already knows (it submitted the request, or the NIK was
 * confirmed before), or intake agrees to open the request's details to {@code nik:<NIK>}. The same answer for "no
 * such request" and "not your NIK", so a tracking code and a guess reveal nothing.
 */
@Component
class Ownership {
    private final RestClient intake;
    private final ResidentSession session;

    Ownership(@BackendClients.Intake RestClient intake, ResidentSession session) {
        this.intake = intake;
        this.session = session;
    }

    Optional<String> knownNik(String trackingCode) {
        return session.nikFor(trackingCode);
    }

    /** @return true (and remembered for this session) when intake opens the request to that NIK */
    boolean confirm(String trackingCode, String nik) {
        try {
            details(trackingCode, nik);
            session.remember(trackingCode, nik);
            return true;
        } catch (HttpClientErrorException.Forbidden | HttpClientErrorException.NotFound notTheirs) {
            return false;
        }
    }

    /** The request with its data, as its resident sees it (applicant masked by intake). */
    JsonNode details(String trackingCode, String nik) {
        return intake.get().uri("/api/v1/requests/{code}/details", trackingCode)
                .header("X-DesaFlow-User", ResidentSession.actor(nik)).retrieve().body(JsonNode.class);
    }
}
