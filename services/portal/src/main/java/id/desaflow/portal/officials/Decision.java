package id.desaflow.portal.officials;

import java.util.Arrays;
import java.util.Optional;

/** An official's decision on a task; revising or rejecting must say why, so the resident can act on it. */
enum Decision {
    APPROVE(false), REVISE(true), REJECT(true);

    final boolean needsComment;

    Decision(boolean needsComment) {
        this.needsComment = needsComment;
    }

    static Optional<Decision> of(String value) {
        return Arrays.stream(values()).filter(d -> d.name().equals(value)).findFirst();
    }
}
