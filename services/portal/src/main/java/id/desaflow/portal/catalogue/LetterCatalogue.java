package id.desaflow.portal.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.desaflow.portal.backend.BackendClients;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.util.List;
import java.util.Optional;

/** Intake's letter catalogue, read on every page view so a village's changes show at once. */
@Component
public class LetterCatalogue {
    private final RestClient intake;
    private final ObjectMapper json;

    LetterCatalogue(@BackendClients.Intake RestClient intake, ObjectMapper json) {
        this.intake = intake;
        this.json = json;
    }

    public List<LetterType> letterTypes() {
        JsonNode body = intake.get().uri("/api/v1/letter-types").retrieve().body(JsonNode.class);
        return BackendClients.items(body, LetterType.class, json);
    }

    public Optional<LetterType> letterType(String code) {
        return letterTypes().stream().filter(t -> t.code().equals(code)).findFirst();
    }
}
