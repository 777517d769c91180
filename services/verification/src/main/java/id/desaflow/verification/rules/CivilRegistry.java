package id.desaflow.verification.rules;

import java.time.LocalDate;
import java.util.List;

/**
 * The national population records (Dukcapil), asked whether a NIK, name and birth date belong together. Remote and
 * fallible: when it cannot answer, {@link Unavailable} is thrown and the request waits, it is never refused for it.
 */
public interface CivilRegistry {

    boolean enabled();

    /** Whether a call would be attempted now (false while the circuit breaker is open). */
    boolean available();

    Match verify(String nik, String name, LocalDate birthDate);

    /**
     * Dukcapil's answer: {@code found} the NIK, {@code match} the data; {@code mismatched} names the fields that
     * differ; {@code refusal} is set (e.g. "HTTP 400") when Dukcapil refused to answer this question.
     */
    record Match(boolean found, boolean match, List<String> mismatched, String refusal) {
        public Match {
            mismatched = mismatched == null ? List.of() : List.copyOf(mismatched);
        }
    }

    /** Dukcapil is slow, down, or its circuit is open; {@code getMessage()} is a reason for the record (English). */
    class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
