package id.desaflow.portal.catalogue;

import java.util.Locale;

/** One data field a letter type asks for; the form is built from these. */
public record LetterField(String name, String label, String labelEn, boolean required, Integer maxLength,
        String type, String hint, String hintEn) {

    public String label(Locale locale) {
        return LetterType.english(locale) && labelEn != null ? labelEn : label;
    }

    public String hint(Locale locale) {
        return LetterType.english(locale) && hintEn != null ? hintEn : hint;
    }

    /** Long free text gets a text area; everything else a one-line input of the catalogue's type. */
    public boolean multiline() {
        return "textarea".equalsIgnoreCase(type) || (type == null && maxLength != null && maxLength > 150);
    }

    public String inputType() {
        if (type == null) {
            return "text";
        }
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "date" -> "date";
            case "number", "integer" -> "number";
            case "email" -> "email";
            case "tel", "phone" -> "tel";
            default -> "text";
        };
    }
}
