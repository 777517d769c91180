package id.desaflow.verification.verification;

/** The result of a verification: every check passed, or at least one failed. */
enum Outcome {
    VERIFIED, FAILED
}
