package id.desaflow.approval.letter;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * What villages decide and change without a release: classification code per letter type, who signs, the
 * letterhead, how numbers are counted.
 *
 * @param publicBaseUrl where the portal answers: the letter's QR code links to {@code <publicBaseUrl>/verifikasi/<code>}
 */
@ConfigurationProperties("desaflow")
record LetterSettings(Map<String, LetterTypeSettings> letterTypes, Map<String, VillageSettings> villages,
        @DefaultValue Letters letters, @DefaultValue("http://localhost:8080") String publicBaseUrl) {

    LetterSettings {
        letterTypes = letterTypes == null ? Map.of() : Map.copyOf(letterTypes);
        villages = villages == null ? Map.of() : Map.copyOf(villages);
        publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
    }

    record LetterTypeSettings(String classification) {
    }

    /**
     * {@code kepalaDesa} may be empty (the position still prints); names are frozen on the letter at signing.
     * {@code sekretarisDesa} signs "a.n. Kepala Desa" when the chain delegates the signature.
     */
    record VillageSettings(String kepalaDesa, String signerPosition, String name, String kecamatan, String kabupaten,
            String province, String address, String sekretarisDesa, SequenceScope sequenceScope) {

        /** "Beji" from the configured name, else from the signer's position ("Kepala Desa Beji"). */
        String villageName() {
            if (name != null && !name.isBlank()) {
                return name;
            }
            return signerPosition == null ? "" : signerPosition.replaceFirst("(?i)^kepala desa\\s*", "");
        }
    }

    record Letters(@DefaultValue("Asia/Jakarta") ZoneId zone, @DefaultValue("VILLAGE") SequenceScope sequenceScope) {
    }

    /** Which letters share one yearly sequence. */
    enum SequenceScope {
        VILLAGE, LETTER_TYPE, CLASSIFICATION
    }

    /** A village's own classification code for a letter type, overriding the catalogue's. */
    Optional<String> classificationOverride(String letterType) {
        return Optional.ofNullable(letterTypes.get(letterType)).map(LetterTypeSettings::classification)
                .filter(c -> !c.isBlank());
    }

    VillageSettings village(String villageCode) {
        return Optional.ofNullable(villages.get(villageCode))
                .orElseThrow(() -> new IllegalStateException("No signer configured for village " + villageCode
                        + " (desaflow.villages." + villageCode + ".signer-position)"));
    }

    /**
     * Which sequence a letter draws its number from: the village's own choice
     * ({@code desaflow.villages.<code>.sequence-scope}), else {@code desaflow.letters.sequence-scope}.
     */
    String sequenceScope(String villageCode, String letterType, String classification) {
        SequenceScope own = Optional.ofNullable(villages.get(villageCode)).map(VillageSettings::sequenceScope)
                .orElse(letters.sequenceScope());
        return switch (own) {
            case VILLAGE -> "ALL";
            case LETTER_TYPE -> letterType;
            case CLASSIFICATION -> classification;
        };
    }

    String verificationUrl(String verificationCode) {
        return publicBaseUrl + "/verifikasi/" + verificationCode;
    }
}
