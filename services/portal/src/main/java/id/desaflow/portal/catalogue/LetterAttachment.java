package id.desaflow.portal.catalogue;

import java.util.List;
import java.util.Locale;

/** A document a letter type asks for (KTP, KK, surat pengantar RT ...); the form offers one file input each. */
public record LetterAttachment(String kind, String label, String labelEn, boolean required, Long maxBytes,
        List<String> contentTypes, String help) {
    /** Intake's ceiling for any document; the catalogue may only lower it. */
    public static final long MAX_BYTES = 2L * 1024 * 1024;

    public LetterAttachment {
        contentTypes = contentTypes == null || contentTypes.isEmpty()
                ? List.of("image/jpeg", "image/png", "application/pdf") : List.copyOf(contentTypes);
        maxBytes = maxBytes == null || maxBytes > MAX_BYTES ? MAX_BYTES : maxBytes;
    }

    public boolean accepts(String contentType) {
        return contentType != null && contentTypes.contains(contentType);
    }

    public String label(Locale locale) {
        return LetterType.english(locale) && labelEn != null ? labelEn : label;
    }

    /** The {@code accept} attribute: lets a phone offer its camera and gallery for the right kinds only. */
    public String accept() {
        return String.join(",", contentTypes);
    }

    /** "JPG, PNG, PDF; maks. 2 MB" style hint, the same wording in both languages. */
    public String limits() {
        String formats = contentTypes.stream().map(t -> t.substring(t.indexOf('/') + 1).toUpperCase(Locale.ROOT)
                .replace("JPEG", "JPG")).reduce((a, b) -> a + ", " + b).orElse("");
        return formats + "; maks. " + FileSizes.text(maxBytes);
    }
}
