package id.desaflow.notification.template;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What residents call each letter type ({@code desaflow.letter-types.<code>: <name>}). A code without a configured
 * name is shown in words rather than as a code.
 */
@ConfigurationProperties("desaflow")
public record LetterTypeNames(Map<String, String> letterTypes) {

    public LetterTypeNames {
        letterTypes = letterTypes == null ? Map.of() : Map.copyOf(letterTypes);
    }

    public String displayName(String code) {
        if (code == null || code.isBlank()) {
            return "Surat";
        }
        String configured = letterTypes.get(code);
        return configured != null ? configured : Arrays.stream(code.split("-")).filter(w -> !w.isEmpty())
                .map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1)).collect(Collectors.joining(" "));
    }
}
