package id.desaflow.approval.letter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.desaflow.contracts.events.LetterTypeChanged;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the letters say, as data: labels and classification codes from the shared catalogue
 * ({@code workflows/catalogue/letter-types.json}) and each type's wording ({@code workflows/letters/letter-texts.json}).
 * A catalogue type without wording stops the service at start-up rather than at the first signature. These are the
 * shipped definitions; a village's own version of a type ({@link VillageLetterTypes}) replaces one for that village.
 */
@Component
public class LetterCatalogue {
    private final Map<String, Type> types = new LinkedHashMap<>();
    private final String opening;
    private final String closing;

    /**
     * Everything a letter of one type says in one village; frozen on the letter at signing (its JSON is the
     * register's {@code letter_text}). {@code version} is the village's version, 0 for the shipped definition.
     *
     * @param fieldLabels label per field name, in the order the letter lists them
     */
    record Type(String code, int version, String label, String classification, Map<String, String> fieldLabels,
            String title, String statement, String opening, String closing) {

        Type {
            fieldLabels = Collections.unmodifiableMap(new LinkedHashMap<>(fieldLabels));
        }
    }

    LetterCatalogue(ObjectMapper json) {
        this(json, type -> Optional.empty());
    }

    /**
     * @param classificationOverride this deployment's classification code for a shipped type
     *                               ({@code desaflow.letter-types.<type>.classification}); a village's own version
     *                               names its own code
     */
    @Autowired
    LetterCatalogue(ObjectMapper json, LetterSettings settings) {
        this(json, settings::classificationOverride);
    }

    private LetterCatalogue(ObjectMapper json, Function<String, Optional<String>> classificationOverride) {
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
            String classification = classificationOverride.apply(code)
                    .orElse(type.path("classificationCode").asText());
            types.put(code, new Type(code, 0, type.path("label").asText(), classification, labels,
                    text.path("title").asText(), text.path("statement").asText(), opening, closing));
        }
    }

    Optional<Type> type(String code) {
        return Optional.ofNullable(types.get(code));
    }

    Type require(String code) {
        return type(code).orElseThrow(() -> new IllegalStateException("Letter type " + code
                + " is not in the catalogue"));
    }

    /** A village's version of a type: its own name, code, fields and wording; the common opening and closing. */
    Type version(LetterTypeChanged change) {
        Map<String, String> labels = new LinkedHashMap<>();
        change.fields().forEach(f -> labels.put(f.name(), f.label()));
        return new Type(change.letterType(), change.version(), change.label(), change.classificationCode(), labels,
                change.title(), change.statement(), opening, closing);
    }

    /** What an issued letter says: as frozen at signing, or (issued before letters kept it) the shipped text. */
    Type of(IssuedLetter letter) {
        return letter.text() != null ? letter.text() : require(letter.letterType());
    }

    /** The catalogue's Indonesian name of a letter type, e.g. "Surat Keterangan Usaha". */
    public String label(String code) {
        return type(code).map(Type::label).orElse(code);
    }

    private static JsonNode read(ObjectMapper json, String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }
}
