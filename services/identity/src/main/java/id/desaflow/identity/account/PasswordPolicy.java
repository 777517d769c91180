package id.desaflow.identity.account;

import java.util.Locale;
import java.util.Optional;

/**
 * What an official's own password must be: long rather than clever (officials type it on cheap phones), with a
 * letter and a digit, and not their username. Reusing the current password is refused by the caller, which holds
 * its hash.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;
    /** Shown next to the field, so people know the rule before they are refused. */
    public static final String RULE = "Minimal " + MIN_LENGTH + " karakter, memuat huruf dan angka, "
            + "tidak memuat nama pengguna.";

    private PasswordPolicy() {
    }

    /** The Indonesian reason {@code password} is refused for {@code username}, or empty. */
    public static Optional<String> problem(String password, String username) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("Kata sandi minimal " + MIN_LENGTH + " karakter.");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("Kata sandi maksimal " + MAX_LENGTH + " karakter.");
        }
        if (password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
            return Optional.of("Kata sandi harus memuat huruf dan angka.");
        }
        if (username != null && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("Kata sandi tidak boleh memuat nama pengguna.");
        }
        return Optional.empty();
    }
}
