package id.desaflow.notification.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.desaflow.platform.catalogue.VillageLetterTypes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What residents call each letter type, in Indonesian and English: the village's own name if its administrator gave
 * one, else the shared letter-type catalogue's ({@code workflows/catalogue/letter-types.json}, copied onto the
 * classpath at build time). A code the catalogue does not know yet is shown in words rather than as a code.
 */
@Component
public class LetterTypeNames {
    static final String CATALOGUE = "catalogue/letter-types.json";

    private final Map<String, String> indonesian = new HashMap<>();
    private final Map<String, String> english = new HashMap<>();
    private final VillageLetterTypes villages;

    @Autowired
    LetterTypeNames(VillageLetterTypes villages) {
        this(CATALOGUE, villages);
    }

    LetterTypeNames(String resource, VillageLetterTypes villages) {
        this.villages = villages;
        ClassPathResource catalogue = new ClassPathResource(resource);
        if (!catalogue.exists()) {
            return;
        }
        try (InputStream in = catalogue.getInputStream()) {
            for (JsonNode type : new ObjectMapper().readTree(in).path("letterTypes")) {
                String code = type.path("code").asText();
                indonesian.put(code, type.path("label").asText(null));
                english.put(code, type.path("labelEn").asText(null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable " + resource, e);
        }
    }

    public String displayName(String villageCode, String code, String language) {
        if (code == null || code.isBlank()) {
            return "en".equals(language) ? "letter" : "Surat";
        }
        return villages.latest(villageCode, code).map(v -> "en".equals(language) ? v.labelEn() : v.label()).orElseGet(() -> catalogueName(code, language));
    }

    private String catalogueName(String code, String language) {
        String name = ("en".equals(language) ? english : indonesian).get(code);
        if (name == null) {
            name = indonesian.get(code);
        }
        return name != null ? name : Arrays.stream(code.split("-")).filter(w -> !w.isEmpty())
                .map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1)).collect(Collectors.joining(" "));
    }
}
