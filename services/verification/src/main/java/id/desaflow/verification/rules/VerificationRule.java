package id.desaflow.verification.rules;

/**
 * One automatic check of a request. Which rules apply to which letter type, with which parameters, and what a
 * failure means (REJECT, REVISE, MANUAL) is data: workflows/catalogue/verification-rules.json.
 */
interface VerificationRule {

    /** The code of the rules file and of {@code CheckResult.rule}, e.g. {@code masih-hidup}. */
    String code();

    /**
     * Rules that compare with the registry entry are skipped when the NIK is not registered: {@code nik-terdaftar}
     * already says why, and more failures would only confuse the resident.
     */
    default boolean needsResident() {
        return true;
    }

    /**
     * Whether a revision can change the result: the rule reads the request's name, data or documents. A rule that
     * reads only registry facts about the applicant (alive, resident, age...) keeps its earlier result when the
     * request is revised.
     */
    default boolean readsSubmission() {
        return false;
    }

    /** Whether the rule asks a remote system (which may be unavailable: the request then waits). */
    default boolean remote() {
        return false;
    }

    /**
     * Checks the rule's parameters for one letter type at start-up (a typo stops the service instead of silently
     * verifying less).
     *
     * @throws IllegalStateException naming the problem
     */
    default void validate(RuleEntry entry, java.util.Optional<LetterTypes.LetterType> letterType) {
    }

    Check check(Facts facts, RuleEntry entry);
}
