package id.desaflow.notification.delivery;

import java.util.Optional;
import java.util.regex.Pattern;

/** Phone numbers as residents write them in Indonesia (0812-..., 62812..., +62 812 ...) in E.164 form. */
public final class PhoneNumbers {
    private static final Pattern SEPARATORS = Pattern.compile("[\\s().-]");
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{7,14}");

    /** {@code 0812-3456-7890} becomes {@code +6281234567890}; empty when it cannot be a phone number. */
    public static Optional<String> e164(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = SEPARATORS.matcher(raw.strip()).replaceAll("");
        if (s.startsWith("00")) {
            s = "+" + s.substring(2);
        } else if (s.startsWith("0")) {
            s = "+62" + s.substring(1);
        } else if (s.startsWith("62")) {
            s = "+" + s;
        } else if (!s.startsWith("+")) {
            s = "+62" + s;
        }
        return E164.matcher(s).matches() ? Optional.of(s) : Optional.empty();
    }

    private PhoneNumbers() {
    }
}
