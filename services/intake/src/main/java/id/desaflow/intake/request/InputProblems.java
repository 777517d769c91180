package id.desaflow.intake.request;

import id.desaflow.platform.web.FieldProblem;
import id.desaflow.platform.web.InvalidInputException;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem of one input before answering, so the resident fixes all fields in one go. Text is
 * trimmed; control characters are refused (line breaks only where a field allows them).
 */
final class InputProblems {
    private final List<FieldProblem> problems = new ArrayList<>();

    void add(String field, String message) {
        problems.add(new FieldProblem(field, message));
    }

    /** @return the trimmed value, or null when absent/blank (reported if required) or refused */
    String text(String field, String raw, boolean required, int maxLength, boolean lineBreaks) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            if (required) {
                add(field, "Wajib diisi");
            }
            return null;
        }
        if (hasControlCharacter(value, lineBreaks)) {
            add(field, "Mengandung karakter yang tidak diizinkan");
            return null;
        }
        if (value.length() > maxLength) {
            add(field, "Maksimal " + maxLength + " karakter");
            return null;
        }
        return value;
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static boolean hasControlCharacter(String value, boolean lineBreaks) {
        return value.chars().anyMatch(c -> Character.isISOControl(c) && !(lineBreaks && (c == '\n' || c == '\r')));
    }
}
