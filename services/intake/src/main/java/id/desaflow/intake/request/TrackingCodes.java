package id.desaflow.intake.request;

import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * Human-friendly tracking codes such as {@code SKU-7K3M9Q}: the letter type's prefix and six characters from an
 * alphabet without 0/O, 1/I/L, so a code read out over the phone or copied from paper is not misread. 31^6 (~887
 * million) codes per prefix keep collisions rare; the unique index catches the rest and the caller draws again.
 */
@Component
class TrackingCodes {
    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    static final int LENGTH = 6;

    private final RandomGenerator random;

    TrackingCodes() {
        this(new SecureRandom());
    }

    TrackingCodes(RandomGenerator random) {
        this.random = random;
    }

    String next(String prefix) {
        StringBuilder code = new StringBuilder(prefix).append('-');
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
