package id.desaflow.verification.rules;

import java.util.Locale;

/**
 * The result of a verification, from best to worst; the worst finding decides. VERIFIED: every check passed.
 * MANUAL_CHECK: the data are inconclusive, an operator decides (the approval chain starts with a manual check).
 * NEEDS_REVISION: something the resident can fix (a document, a misspelt name); they are told what. FAILED: cannot
 * be fixed by a revision (unknown NIK, deceased, not a resident of the village).
 */
public enum Outcome {
    VERIFIED, MANUAL_CHECK, NEEDS_REVISION, FAILED;

    public Outcome worse(Outcome other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /** The failure outcomes as the rules file names them: MANUAL, REVISE, REJECT. */
    static Outcome ofFailure(String name) {
        return switch (name == null ? "" : name.toUpperCase(Locale.ROOT)) {
            case "MANUAL" -> MANUAL_CHECK;
            case "REVISE" -> NEEDS_REVISION;
            case "REJECT" -> FAILED;
            default -> throw new IllegalArgumentException("onFailure must be REJECT, REVISE or MANUAL, not " + name);
        };
    }
}
