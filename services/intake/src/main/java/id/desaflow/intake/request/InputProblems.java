package id.desaflow.intake.request;

import id.desaflow.intake.catalogue.Checked;
import id.desaflow.intake.catalogue.LetterField;
import id.desaflow.platform.web.FieldProblem;
import id.desaflow.platform.web.InvalidInputException;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem of one input before answering, so the resident fixes all fields in one go. */
final class InputProblems {
    private final List<FieldProblem> problems = new ArrayList<>();

    void add(String field, String message) {
        problems.add(new FieldProblem(field, message));
    }

    /** @return the checked, normalised value; null when left empty or refused (then the problem is recorded) */
    String check(String path, LetterField field, String raw) {
        Checked checked = field.check(raw);
        if (checked.refused()) {
            add(path, checked.problem());
        }
        return checked.value();
    }

    boolean has(String field) {
        return problems.stream().anyMatch(p -> p.field().equals(field));
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
