package id.desaflow.verification.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.desaflow.contracts.events.LetterTypeChanged;
import id.desaflow.platform.catalogue.VillageLetterTypes;
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
 * fields and attachment kinds the rules refer to, so the form and the checks never disagree. A village's own version
 * of a type (changed by its administrator in intake) replaces the shipped one for that village's requests.
 */
@Component
class LetterTypes {

    /**
     * What the rules need of one letter type.
     *
     * @param version the village's version, 0 for the shipped definition
     */
    record LetterType(String code, int version, String label, Map<String, String> fieldLabels,
            Map<String, String> attachmentLabels, List<String> requiredAttachments) {

        static LetterType of(LetterTypeChanged village) {
            Map<String, String> fields = new LinkedHashMap<>();
            village.fields().forEach(f -> fields.put(f.name(), f.label()));
            Map<String, String> attachments = new LinkedHashMap<>();
            village.documents().forEach(d -> attachments.put(d.kind(), d.label()));
            return new LetterType(village.letterType(), village.version(), village.label(), fields, attachments,
                    village.documents().stream().filter(LetterTypeChanged.Document::required)
                            .map(LetterTypeChanged.Document::kind).toList());
        }
    }

    private final Map<String, LetterType> types = new LinkedHashMap<>();
    private final VillageLetterTypes villages;

    LetterTypes(ObjectMapper json,
            @Value("${desaflow.verification.letter-types-location:classpath:catalogue/letter-types.json}")
            Resource location, VillageLetterTypes villages) {
        this.villages = villages;
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
                types.put(code, new LetterType(code, 0, type.path("label").asText(code), fields, attachments,
                        List.copyOf(required)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The letter-type catalogue " + location + " cannot be read", e);
        }
    }

    /** The shipped definition (what the rules file is checked against at start-up). */
    Optional<LetterType> find(String code) {
        return Optional.ofNullable(types.get(code));
    }

    /** The type as this village offers it: its own latest version, else the shipped one. */
    Optional<LetterType> find(String villageCode, String code) {
        return villages.latest(villageCode, code).map(LetterType::of).or(() -> find(code));
    }

    List<String> codes() {
        return List.copyOf(types.keySet());
    }

    String label(String villageCode, String code) {
        return find(villageCode, code).map(LetterType::label).orElse(code);
    }
}
