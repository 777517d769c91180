package id.desaflow.verification.rules;

/**
 * What a rule found, before the rules file says what a failure means: passed, failed (the rule's configured
 * outcome) or inconclusive (the data needed are missing: always a manual check, never a refusal).
 */
record Check(Status status, String message) {
    enum Status {
        PASSED, FAILED, INCONCLUSIVE
    }

    static Check pass(String message) {
        return new Check(Status.PASSED, message);
    }

    static Check fail(String message) {
        return new Check(Status.FAILED, message);
    }

    static Check inconclusive(String message) {
        return new Check(Status.INCONCLUSIVE, message);
    }
}
