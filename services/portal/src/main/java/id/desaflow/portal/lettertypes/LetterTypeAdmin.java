package id.desaflow.portal.lettertypes;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.desaflow.portal.backend.BackendClients;
import id.desaflow.portal.signin.CurrentOfficial;
import id.desaflow.portal.signin.Official;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.util.List;
import java.util.Map;

/**
 * Intake's letter-type administration (issue 8) as the pages use it, called as the signed-in official: intake
 * decides who may read (the village's officials) and change (its administrators), and checks every change.
 */
@Component
class LetterTypeAdmin {
    private static final String DEFINITION = "/api/v1/villages/{code}/letter-types/{type}/definition";

    private final RestClient intake;
    private final ObjectMapper json;

    LetterTypeAdmin(@BackendClients.Intake RestClient intake, ObjectMapper json) {
        this.intake = intake;
        this.json = json;
    }

    /** One letter type as the village offers it; version 0 = as shipped. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Offer(String code, String label, boolean onlineAllowed, boolean enabled, String changedBy,
            String changedAt, int version) {
    }

    /** The village's definition of a letter type with what may and may not change. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Definition(String letterType, int version, boolean offered, String changedBy, String changedAt,
            LetterType definition, String title, String statement, List<String> shippedFields,
            List<String> requiredFields, List<String> shippedDocuments, List<String> placeholders,
            List<Kind> fieldKinds) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record LetterType(String code, String trackingPrefix, String label, String labelEn, String classificationCode,
            boolean onlineAllowed, List<String> requirements, List<Field> fields, List<Document> attachments) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Field(String name, String label, String labelEn, boolean required, String kind, Integer maxLength,
            List<String> options, String help, String helpEn) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Document(String kind, String label, String labelEn, boolean required, String help) {
    }

    /** A kind of field and the longest a new field of it may be. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Kind(String kind, int maxLength) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Version(int version, String changedBy, String changedAt, String summary) {
    }

    List<Offer> offers(Official official, String village) {
        JsonNode body = intake.get().uri("/api/v1/villages/{code}/letter-types", village)
                .headers(CurrentOfficial.headers(official)).retrieve().body(JsonNode.class);
        return BackendClients.items(body, Offer.class, json);
    }

    Definition definition(Official official, String village, String type) {
        return intake.get().uri(DEFINITION, village, type).headers(CurrentOfficial.headers(official)).retrieve()
                .body(Definition.class);
    }

    List<Version> versions(Official official, String village, String type) {
        JsonNode body = intake.get().uri(DEFINITION + "/versions", village, type)
                .headers(CurrentOfficial.headers(official)).retrieve().body(JsonNode.class);
        return BackendClients.items(body, Version.class, json);
    }

    /** A new version; 400 (problems by field path) and 409 (saved by someone else meanwhile) reach the caller. */
    void save(Official official, String village, String type, Map<String, Object> definition) {
        intake.put().uri(DEFINITION, village, type).headers(CurrentOfficial.headers(official)).body(definition)
                .retrieve().toBodilessEntity();
    }

    void reset(Official official, String village, String type, int basedOn) {
        intake.post().uri(DEFINITION + "/reset?basedOn={basedOn}", village, type, basedOn)
                .headers(CurrentOfficial.headers(official)).retrieve().toBodilessEntity();
    }

    void offer(Official official, String village, String type, boolean enabled) {
        intake.put().uri("/api/v1/villages/{code}/letter-types/{type}", village, type)
                .headers(CurrentOfficial.headers(official)).body(Map.of("enabled", enabled)).retrieve()
                .toBodilessEntity();
    }
}
