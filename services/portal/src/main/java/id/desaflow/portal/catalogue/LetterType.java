package id.desaflow.portal.catalogue;

import java.util.List;
import java.util.Locale;

/**
 * One kind of letter from intake's catalogue (same JSON shape as intake's {@code /api/v1/letter-types}).
 * {@code onlineAllowed} false means the village offers it at the office only (letters carrying another person's
 * data); absent means online.
 */
public record LetterType(String code, String trackingPrefix, String label, String labelEn, String description,
        String descriptionEn, Boolean onlineAllowed, List<String> requirements, List<LetterField> fields,
        List<LetterAttachment> attachments) {

    public LetterType {
        onlineAllowed = onlineAllowed == null || onlineAllowed;
        requirements = requirements == null ? List.of() : List.copyOf(requirements);
        fields = fields == null ? List.of() : List.copyOf(fields);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public String label(Locale locale) {
        return english(locale) && labelEn != null ? labelEn : label;
    }

    public String description(Locale locale) {
        return english(locale) && descriptionEn != null ? descriptionEn : description;
    }

    public java.util.Optional<LetterAttachment> attachment(String kind) {
        return attachments.stream().filter(a -> a.kind().equals(kind)).findFirst();
    }

    public java.util.Optional<LetterField> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
