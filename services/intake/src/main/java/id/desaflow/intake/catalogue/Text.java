package id.desaflow.intake.catalogue;

import java.text.Normalizer;
import java.util.Optional;

/**
 * Hygiene of every piece of text a resident or operator types: trimmed and NFC-normalised (so "é" typed two ways is
 * one value), and refused when it carries characters a letter never needs but attacks and copy-paste accidents do:
 * control characters (line breaks only where allowed), invisible format characters (zero-width, bidi overrides),
 * lone surrogates, private-use or unassigned code points, and the angle brackets of markup.
 */
public final class Text {

    /** @return the trimmed, normalised value, or null when absent or blank */
    public static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        String value = raw.strip();
        if (value.isEmpty()) {
            return null;
        }
        // a lone surrogate cannot be normalised; leave it for problem() to refuse
        return Normalizer.isNormalized(value, Normalizer.Form.NFC) || hasLoneSurrogate(value) ? value
                : Normalizer.normalize(value, Normalizer.Form.NFC);
    }

    /** @return why {@code value} may not be stored, as a predicate phrase ("mengandung ..."); empty if fine */
    public static Optional<String> problem(String value, boolean lineBreaks) {
        if (hasLoneSurrogate(value)) {
            return Optional.of("mengandung karakter yang tidak valid");
        }
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isISOControl(c) && !(lineBreaks && (c == '\n' || c == '\r' || c == '\t'))) {
                return Optional.of("mengandung karakter kendali yang tidak diizinkan");
            }
            int type = Character.getType(c);
            if (type == Character.FORMAT || type == Character.PRIVATE_USE || type == Character.UNASSIGNED) {
                return Optional.of("mengandung karakter tak terlihat atau tidak dikenal");
            }
            if (c == '<' || c == '>') {
                return Optional.of("tidak boleh mengandung tanda < atau >");
            }
        }
        return Optional.empty();
    }

    private static boolean hasLoneSurrogate(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private Text() {
    }
}
