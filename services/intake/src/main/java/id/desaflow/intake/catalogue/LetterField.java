package id.desaflow.intake.catalogue;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One data field a letter type asks for, as catalogue data. {@code maxLength} defaults by kind; {@code min}/{@code
 * max} bound numbers and years; {@code options} are the choices of a {@code choice}; {@code dateRange} says whether a
 * date may lie in the future or the past. {@code pattern} (a Java regex over the whole value) with its Indonesian
 * {@code patternMessage} (a phrase following the label) covers rules no kind expresses.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A data field of a letter type")
public record LetterField(String name, String label, String labelEn, boolean required, FieldKind kind,
        Integer maxLength, Long min, Long max, List<String> options, DateRange dateRange, String pattern,
        String patternMessage, String help, String helpEn) {

    /** Event schemas cap every data value at 2000 characters. */
    static final int MAX_LENGTH_CAP = 2000;
    private static final Pattern NAME = Pattern.compile("[a-z][A-Za-z0-9]{0,39}");

    public LetterField {
        Objects.requireNonNull(name, "field name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Field name must be camelCase letters and digits: " + name);
        }
        Objects.requireNonNull(label, "field label of " + name);
        labelEn = labelEn == null ? label : labelEn;
        kind = kind == null ? FieldKind.TEXT : kind;
        options = options == null ? List.of() : List.copyOf(options);
        if (kind == FieldKind.CHOICE && options.isEmpty()) {
            throw new IllegalArgumentException("Choice field " + name + " needs options");
        }
        if (kind != FieldKind.CHOICE && !options.isEmpty()) {
            throw new IllegalArgumentException("Only choice fields have options: " + name);
        }
        int longestOption = options.stream().mapToInt(String::length).max().orElse(0);
        maxLength = maxLength == null ? Math.max(kind.defaultMaxLength(), longestOption) : maxLength;
        if (maxLength < 1 || maxLength > MAX_LENGTH_CAP || maxLength < longestOption) {
            throw new IllegalArgumentException("maxLength of " + name + " must be 1.." + MAX_LENGTH_CAP
                    + " and fit every option");
        }
        if (min != null && max != null && min > max) {
            throw new IllegalArgumentException("min > max in field " + name);
        }
        if (dateRange != null && kind != FieldKind.DATE) {
            throw new IllegalArgumentException("Only date fields have a dateRange: " + name);
        }
        if (pattern != null) {
            Pattern.compile(pattern); // a typo in the catalogue fails at start-up, not at the first request
        }
    }

    /**
     * Checks what was typed into this field: required, clean text within {@code maxLength}, then its kind and pattern.
     * Problems are whole Indonesian sentences starting with the label, so they read well next to the field and in
     * a list of all problems.
     */
    public Checked check(String raw) {
        String value = Text.clean(raw);
        if (value == null) {
            return required ? Checked.refused(label + " wajib diisi") : Checked.EMPTY;
        }
        var textProblem = Text.problem(value, kind.allowsLineBreaks());
        if (textProblem.isPresent()) {
            return Checked.refused(label + " " + textProblem.get());
        }
        if (value.length() > maxLength) {
            return Checked.refused(label + " maksimal " + maxLength + " karakter");
        }
        Checked checked = kind.check(this, value);
        if (checked.refused()) {
            return Checked.refused(label + " " + checked.problem());
        }
        if (pattern != null && !Pattern.compile(pattern).matcher(checked.value()).matches()) {
            return Checked.refused(label + " " + (patternMessage != null ? patternMessage : "formatnya salah"));
        }
        return checked;
    }
}
