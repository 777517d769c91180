package id.desaflow.verification.verification;

import id.desaflow.contracts.events.CheckResult;
import id.desaflow.verification.registry.Resident;

import java.util.List;
import java.util.Optional;

/** The checks of one submission and the registry entry they were made against. */
record Verdict(List<CheckResult> checks, Optional<Resident> resident, Outcome outcome) {

    Verdict {
        checks = List.copyOf(checks);
    }

    boolean passed() {
        return outcome == Outcome.VERIFIED;
    }

    List<CheckResult> failures() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }
}
