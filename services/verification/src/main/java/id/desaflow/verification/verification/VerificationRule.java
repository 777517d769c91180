package id.desaflow.verification.verification;

import id.desaflow.contracts.events.CheckResult;

/**
 * One automatic check of a request. Which rules apply to which letter type is configuration
 * ({@code desaflow.verification.rules}); a rule that needs another service must not call it synchronously.
 */
interface VerificationRule {

    /** The code that configuration and {@link CheckResult#rule()} use, e.g. {@code masih-hidup}. */
    String code();

    /**
     * Rules that compare with the registry entry are skipped when the NIK is not registered: {@code nik-terdaftar}
     * already says why, and more failures would only confuse the resident.
     */
    default boolean needsResident() {
        return true;
    }

    CheckResult check(Facts facts);

    /** What a failure of this rule means for the request; by default it cannot be fixed by a revision. */
    default Outcome onFailure() {
        return Outcome.FAILED;
    }

    default CheckResult pass(String message) {
        return new CheckResult(code(), true, message);
    }

    default CheckResult fail(String message) {
        return new CheckResult(code(), false, message);
    }
}
