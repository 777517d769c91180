package id.desaflow.portal.catalogue;

import java.util.List;
import java.util.Locale;

/**
 * One data field a letter type asks for (intake's catalogue shape); the form is built from these. Kinds: text,
 * textarea, date, year, number, nik, phone, choice, email (absent = text).
 */
public record LetterField(String name, String label, String labelEn, boolean required, Integer maxLength,
        String kind, Long min, Long max, List<String> options, String help, String helpEn) {

    public LetterField {
        options = options == null ? List.of() : List.copyOf(options);
        kind = kind == null ? "text" : kind.toLowerCase(Locale.ROOT);
    }

    public String label(Locale locale) {
        return LetterType.english(locale) && labelEn != null ? labelEn : label;
    }

    /** The catalogue's help, with the allowed range when there is one ("Contoh: 2019 (1950–2026)"). */
    public String hint(Locale locale) {
        String text = LetterType.english(locale) && helpEn != null ? helpEn : help;
        String range = range();
        if (range == null) {
            return text;
        }
        return text == null ? range : text + " (" + range + ")";
    }

    /** Long free text gets a text area; everything else a one-line input of the catalogue's kind. */
    public boolean multiline() {
        return "textarea".equals(kind);
    }

    /** A fixed list of answers is a select, so nobody has to guess the spelling. */
    public boolean choice() {
        return !options.isEmpty();
    }

    /**
     * Numbers stay {@code type=text} with a numeric keypad: {@code type=number} would accept "1e5", drop the
     * thousands dots villagers write (1.500.000) and change the value when a thumb scrolls over it.
     */
    public String inputType() {
        return switch (kind) {
            case "date" -> "date";
            case "email" -> "email";
            case "phone" -> "tel";
            default -> "text";
        };
    }

    /** Digits-only kinds get the numeric keypad on phones. */
    public String inputMode() {
        return switch (kind) {
            case "nik", "number", "year" -> "numeric";
            case "phone" -> "tel";
            case "email" -> "email";
            default -> null;
        };
    }

    /** What the browser may offer from its memory: nothing for letter data, which is rarely the user's own. */
    public String autocomplete() {
        return "off";
    }

    /** The limits a resident must know before typing, e.g. "1950–2026" for a year. */
    public String range() {
        if (min == null && max == null) {
            return null;
        }
        return (min == null ? "" : min) + "–" + (max == null ? "" : max);
    }
}
