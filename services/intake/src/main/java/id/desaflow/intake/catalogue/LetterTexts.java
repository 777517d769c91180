package id.desaflow.intake.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shipped wording of each letter ({@code letters/letter-texts.json}, the same file approval prints from): what a
 * village starts from when it edits a letter type, and what "back to the shipped definition" restores.
 */
@Component
class LetterTexts {
    /**
     * What approval fills in besides the letter type's own fields (its {@code LetterPdf.values}): the applicant's
     * name, the village, kecamatan and kabupaten, and the signer's position.
     */
    static final List<String> COMMON_PLACEHOLDERS = List.of("nama", "desa", "kecamatan", "kabupaten", "jabatan");

    private final Map<String, LetterText> byType = new HashMap<>();

    LetterTexts(ObjectMapper json, LetterTypes letterTypes,
            @Value("${desaflow.catalogue.letter-texts:classpath:letters/letter-texts.json}") Resource source) {
        try (InputStream in = source.getInputStream()) {
            JsonNode letters = json.readTree(in).path("letters");
            letters.fields().forEachRemaining(e -> byType.put(e.getKey(),
                    new LetterText(e.getValue().path("title").asText(), e.getValue().path("statement").asText())));
        } catch (IOException e) {
            throw new UncheckedIOException("Letter texts " + source + " cannot be read", e);
        }
        letterTypes.all().stream().filter(t -> !byType.containsKey(t.code())).findFirst().ifPresent(t -> {
            throw new IllegalStateException("No letter text for letter type " + t.code());
        });
    }

    LetterText of(String letterType) {
        return byType.get(letterType);
    }

    /** A letter's title and its statement with {placeholders}. */
    record LetterText(String title, String statement) {
    }
}
