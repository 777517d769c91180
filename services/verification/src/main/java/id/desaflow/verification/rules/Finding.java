package id.desaflow.verification.rules;

import id.desaflow.contracts.events.CheckResult;

/**
 * The result of one rule for one request: the check the others see, plus what it means for the outcome
 * ({@code VERIFIED} when passed) and whether it was kept from an earlier revision instead of being re-run.
 */
public record Finding(String rule, boolean passed, String message, Outcome outcome, boolean kept) {

    public CheckResult check() {
        return new CheckResult(rule, passed, message);
    }

    Finding keptFromEarlierRevision() {
        return new Finding(rule, passed, message, outcome, true);
    }
}
