package id.desaflow.approval.letter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the letters say, as data: labels and classification codes from the shared catalogue
 * ({@code workflows/catalogue/letter-types.json}) and each type's wording ({@code workflows/letters/letter-texts.json}).
 * A catalogue type without wording stops the service at start-up rather than at the first signature.
 */
@Component
public class LetterCatalogue {
    private final Map<String, Type> types = new LinkedHashMap<>();
    private final String opening;
    private final String closing;

    record Type(String code, String label, String classification, Map<String, String> fieldLabels, String title,
            String statement) {
    }

    LetterCatalogue(ObjectMapper json) {
        JsonNode catalogue = read(json, "catalogue/letter-types.json");
        JsonNode texts = read(json, "letters/letter-texts.json");
        opening = texts.path("common").path("opening").asText();
        closing = texts.path("common").path("closing").asText();
        for (JsonNode type : catalogue.path("letterTypes")) {
            String code = type.path("code").asText();
            JsonNode text = texts.path("letters").path(code);
            if (text.path("title").asText().isBlank() || text.path("statement").asText().isBlank()) {
                throw new IllegalStateException("workflows/letters/letter-texts.json has no title/statement for "
                        + code);
            }
            Map<String, String> labels = new LinkedHashMap<>();
            type.path("fields").forEach(f -> labels.put(f.path("name").asText(), f.path("label").asText()));
            types.put(code, new Type(code, type.path("label").asText(), type.path("classificationCode").asText(),
                    labels, text.path("title").asText(), text.path("statement").asText()));
        }
    }

    Optional<Type> type(String code) {
        return Optional.ofNullable(types.get(code));
    }

    Type require(String code) {
        return type(code).orElseThrow(() -> new IllegalStateException("Letter type " + code
                + " is not in the catalogue"));
    }

    /** The catalogue's Indonesian name of a letter type, e.g. "Surat Keterangan Usaha". */
    public String label(String code) {
        return type(code).map(Type::label).orElse(code);
    }

    String opening() {
        return opening;
    }

    String closing() {
        return closing;
    }

    private static JsonNode read(ObjectMapper json, String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }
}
