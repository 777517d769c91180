package id.desaflow.portal.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.desaflow.portal.backend.BackendClients;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.util.List;
import java.util.Optional;

/**
 * Intake's letter catalogue as the portal's village offers it ({@code ?village=}: only the types the village
 * enabled), read on every page view so a village's changes show at once. Counter-only types are included: the
 * resident pages show them as "ajukan di kantor desa", the counter offers them.
 */
@Component
public class LetterCatalogue {
    private final RestClient intake;
    private final ObjectMapper json;
    private final String villageCode;

    LetterCatalogue(@BackendClients.Intake RestClient intake, ObjectMapper json,
            @Value("${desaflow.portal.village-code}") String villageCode) {
        this.intake = intake;
        this.json = json;
        this.villageCode = villageCode;
    }

    public List<LetterType> letterTypes() {
        JsonNode body = intake.get().uri(u -> u.path("/api/v1/letter-types").queryParam("village", villageCode)
                .build()).retrieve().body(JsonNode.class);
        return BackendClients.items(body, LetterType.class, json);
    }

    public Optional<LetterType> letterType(String code) {
        return letterTypes().stream().filter(t -> t.code().equals(code)).findFirst();
    }
}
