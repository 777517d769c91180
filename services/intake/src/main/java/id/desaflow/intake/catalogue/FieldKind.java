package id.desaflow.intake.catalogue;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.LocalDate;
import java.time.Year;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What a letter field holds, and so which values it accepts beyond the field's own length and pattern. New kinds are
 * added here once; letter types then use them as data.
 */
public enum FieldKind {
    /** One line of free text. */
    @JsonProperty("text") TEXT,
    /** Free text that may span lines (e.g. a list of heirs). */
    @JsonProperty("long-text") LONG_TEXT,
    /** A four-digit year from the field's {@code min} (default 1900) up to the current year. */
    @JsonProperty("year") YEAR,
    /** A calendar date written yyyy-MM-dd. */
    @JsonProperty("date") DATE,
    /** Another person's NIK (e.g. the deceased on a death letter), checked with the NIK rules. */
    @JsonProperty("nik") NIK;

    public boolean allowsLineBreaks() {
        return this == LONG_TEXT;
    }

    /** @return why {@code value} (trimmed, non-blank) is not of this kind, in Indonesian; empty if it is */
    Optional<String> problem(String value, Integer min) {
        return switch (this) {
            case TEXT, LONG_TEXT -> Optional.empty();
            case YEAR -> yearProblem(value, min == null ? 1900 : min);
            case DATE -> dateProblem(value);
            case NIK -> id.desaflow.platform.identity.Nik.problem(value);
        };
    }

    private static Optional<String> yearProblem(String value, int min) {
        int thisYear = Year.now().getValue();
        if (!value.matches("[0-9]{4}")) {
            return Optional.of("Harus berupa tahun 4 digit");
        }
        int year = Integer.parseInt(value);
        if (year < min || year > thisYear) {
            return Optional.of("Tahun harus antara " + min + " dan " + thisYear);
        }
        return Optional.empty();
    }

    private static Optional<String> dateProblem(String value) {
        try {
            LocalDate.parse(value);
            return Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.of("Harus berupa tanggal dengan format TTTT-BB-HH");
        }
    }
}
