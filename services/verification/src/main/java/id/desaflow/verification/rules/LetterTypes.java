package id.desaflow.verification.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shared letter-type catalogue (workflows/catalogue/letter-types.json, owned by intake): the labels, data
 * fields and attachment kinds the rules refer to, so the form and the checks never disagree.
 */
@Component
class LetterTypes {

    /** What the rules need of one letter type. */
    record LetterType(String code, String label, Map<String, String> fieldLabels, Map<String, String> attachmentLabels,
            List<String> requiredAttachments) {
    }

    private final Map<String, LetterType> types = new LinkedHashMap<>();

    LetterTypes(ObjectMapper json,
            @Value("${desaflow.verification.letter-types-location:classpath:catalogue/letter-types.json}")
            Resource location) {
        try (InputStream in = location.getInputStream()) {
            for (JsonNode type : json.readTree(in).path("letterTypes")) {
                Map<String, String> fields = new LinkedHashMap<>();
                type.path("fields").forEach(f -> fields.put(f.path("name").asText(), f.path("label").asText()));
                Map<String, String> attachments = new LinkedHashMap<>();
                type.path("attachments").forEach(a -> attachments.put(a.path("kind").asText(),
                        a.path("label").asText()));
                List<String> required = new java.util.ArrayList<>();
                type.path("attachments").forEach(a -> {
                    if (a.path("required").asBoolean(false)) {
                        required.add(a.path("kind").asText());
                    }
                });
                String code = type.path("code").asText();
                types.put(code, new LetterType(code, type.path("label").asText(code), fields, attachments,
                        List.copyOf(required)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The letter-type catalogue " + location + " cannot be read", e);
        }
    }

    Optional<LetterType> find(String code) {
        return Optional.ofNullable(types.get(code));
    }

    List<String> codes() {
        return List.copyOf(types.keySet());
    }

    String label(String code) {
        return find(code).map(LetterType::label).orElse(code);
    }
}
