package id.desaflow.verification.rules;

import id.desaflow.contracts.events.CheckResult;
import id.desaflow.verification.registry.Resident;

import java.util.List;
import java.util.Optional;

/** The findings of one verification, the registry entry they were made against, and the outcome they decide. */
public record Verdict(List<Finding> findings, Optional<Resident> resident, Outcome outcome) {

    public Verdict {
        findings = List.copyOf(findings);
    }

    public List<CheckResult> checks() {
        return findings.stream().map(Finding::check).toList();
    }

    /** The failed checks that decided the outcome: what refuses, or what the resident must fix. */
    public List<CheckResult> decisive() {
        return findings.stream().filter(f -> !f.passed() && f.outcome() == outcome).map(Finding::check).toList();
    }
}
