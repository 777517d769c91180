package id.desaflow.portal.catalogue;

import java.util.List;
import java.util.Locale;

/**
 * One kind of letter from intake's catalogue. {@code online} false means the village offers it at the office only
 * (letters carrying another person's data); absent means online.
 */
public record LetterType(String code, String label, String labelEn, String description, String descriptionEn,
        Boolean online, List<LetterField> fields) {

    public LetterType {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    public String label(Locale locale) {
        return english(locale) && labelEn != null ? labelEn : label;
    }

    public String description(Locale locale) {
        return english(locale) && descriptionEn != null ? descriptionEn : description;
    }

    public boolean onlineAllowed() {
        return online == null || online;
    }

    static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
