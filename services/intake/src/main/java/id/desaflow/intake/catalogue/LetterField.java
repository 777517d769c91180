package id.desaflow.intake.catalogue;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One data field a letter type asks the resident for. {@code pattern} (a Java regex over the whole value) with its
 * Indonesian {@code patternMessage} covers rules no {@link FieldKind} expresses.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A data field of a letter type")
public record LetterField(String name, String label, String labelEn, boolean required, int maxLength,
        FieldKind kind, String pattern, String patternMessage, Integer min) {

    /** Event schemas cap every data value at 2000 characters. */
    static final int MAX_LENGTH_CAP = 2000;

    public LetterField {
        Objects.requireNonNull(name, "field name");
        Objects.requireNonNull(label, "field label of " + name);
        kind = kind == null ? FieldKind.TEXT : kind;
        if (maxLength < 1 || maxLength > MAX_LENGTH_CAP) {
            throw new IllegalArgumentException("maxLength of " + name + " must be 1.." + MAX_LENGTH_CAP);
        }
        if (pattern != null) {
            Pattern.compile(pattern); // a typo in the catalogue fails at start-up, not at the first request
        }
    }

    /** @return why {@code value} (already trimmed, non-blank) is not acceptable, in Indonesian; empty if it is */
    public Optional<String> problem(String value) {
        if (value.length() > maxLength) {
            return Optional.of("Maksimal " + maxLength + " karakter");
        }
        Optional<String> kindProblem = kind.problem(value, min);
        if (kindProblem.isPresent()) {
            return kindProblem;
        }
        if (pattern != null && !Pattern.compile(pattern).matcher(value).matches()) {
            return Optional.of(patternMessage != null ? patternMessage : "Format " + label.toLowerCase() + " salah");
        }
        return Optional.empty();
    }
}
