package id.desaflow.portal.catalogue;

import java.util.List;
import java.util.Locale;

/** One data field a letter type asks for (intake's catalogue shape); the form is built from these. */
public record LetterField(String name, String label, String labelEn, boolean required, Integer maxLength,
        String kind, List<String> options, String help, String helpEn) {

    public LetterField {
        options = options == null ? List.of() : List.copyOf(options);
    }

    public String label(Locale locale) {
        return LetterType.english(locale) && labelEn != null ? labelEn : label;
    }

    public String hint(Locale locale) {
        return LetterType.english(locale) && helpEn != null ? helpEn : help;
    }

    /** Long free text gets a text area; everything else a one-line input of the catalogue's kind. */
    public boolean multiline() {
        return "textarea".equalsIgnoreCase(kind) || (kind == null && maxLength != null && maxLength > 150);
    }

    /** A fixed list of answers is a select, so nobody has to guess the spelling. */
    public boolean choice() {
        return !options.isEmpty();
    }

    public String inputType() {
        if (kind == null) {
            return "text";
        }
        return switch (kind.toLowerCase(Locale.ROOT)) {
            case "date" -> "date";
            case "number", "year" -> "number";
            case "email" -> "email";
            case "phone" -> "tel";
            default -> "text";
        };
    }

    /** Digits-only kinds get the numeric keypad on phones. */
    public String inputMode() {
        return kind == null ? null : switch (kind.toLowerCase(Locale.ROOT)) {
            case "nik", "number", "year" -> "numeric";
            case "phone" -> "tel";
            default -> null;
        };
    }
}
