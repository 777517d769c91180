package id.desaflow.approval.letter;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * What villages decide and change without a release: classification code per letter type, who signs, how
 * numbers are counted.
 */
@ConfigurationProperties("desaflow")
record LetterSettings(Map<String, LetterTypeSettings> letterTypes, Map<String, VillageSettings> villages,
        @DefaultValue Letters letters) {

    LetterSettings {
        letterTypes = letterTypes == null ? Map.of() : Map.copyOf(letterTypes);
        villages = villages == null ? Map.of() : Map.copyOf(villages);
    }

    record LetterTypeSettings(String classification) {
    }

    /** {@code kepalaDesa} may be empty (the position still prints); the name is frozen on the letter at signing. */
    record VillageSettings(String kepalaDesa, String signerPosition) {
    }

    record Letters(@DefaultValue("Asia/Jakarta") ZoneId zone, @DefaultValue("VILLAGE") SequenceScope sequenceScope) {
    }

    /** Which letters share one yearly sequence. */
    enum SequenceScope {
        VILLAGE, LETTER_TYPE, CLASSIFICATION
    }

    String classification(String letterType) {
        return Optional.ofNullable(letterTypes.get(letterType)).map(LetterTypeSettings::classification)
                .filter(c -> !c.isBlank())
                .orElseThrow(() -> new IllegalStateException("No classification configured for letter type "
                        + letterType + " (desaflow.letter-types." + letterType + ".classification)"));
    }

    VillageSettings village(String villageCode) {
        return Optional.ofNullable(villages.get(villageCode))
                .orElseThrow(() -> new IllegalStateException("No signer configured for village " + villageCode
                        + " (desaflow.villages." + villageCode + ".signer-position)"));
    }

    String sequenceScope(String letterType, String classification) {
        return switch (letters.sequenceScope()) {
            case VILLAGE -> "ALL";
            case LETTER_TYPE -> letterType;
            case CLASSIFICATION -> classification;
        };
    }
}
