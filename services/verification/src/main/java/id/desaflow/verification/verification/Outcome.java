package id.desaflow.verification.verification;

/**
 * The result of a verification, from best to worst; the worst failed rule decides. VERIFIED: every check passed.
 * MANUAL_CHECK: the data are inconclusive, an operator decides (the chain starts with a manual check).
 * NEEDS_REVISION: something the resident can fix (a document, a misspelt name); they are told what. FAILED: cannot
 * be fixed by a revision (unknown NIK, deceased, not a resident of the village).
 */
enum Outcome {
    VERIFIED, MANUAL_CHECK, NEEDS_REVISION, FAILED;

    Outcome worse(Outcome other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
