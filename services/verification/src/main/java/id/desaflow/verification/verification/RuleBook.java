package id.desaflow.verification.verification;

import id.desaflow.contracts.events.CheckResult;
import id.desaflow.verification.registry.PopulationRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs the configured rules of a letter type against the registry. Configuration is checked at start-up, so a
 * typo in a rule code stops the service instead of silently verifying less.
 */
@Component
@EnableConfigurationProperties(RuleSettings.class)
class RuleBook {
    private final PopulationRegistry registry;
    private final Map<String, List<VerificationRule>> rulesByLetterType = new LinkedHashMap<>();

    RuleBook(PopulationRegistry registry, List<VerificationRule> rules, RuleSettings settings) {
        this.registry = registry;
        Map<String, VerificationRule> byCode = rules.stream()
                .collect(Collectors.toMap(VerificationRule::code, Function.identity()));
        if (!settings.rules().containsKey(RuleSettings.DEFAULT)) {
            throw new IllegalStateException("desaflow.verification.rules.default is missing");
        }
        settings.rules().forEach((letterType, codes) -> {
            // every other rule compares with the registry entry, so the entry must be required to exist
            if (!codes.contains(RegisteredNikRule.CODE)) {
                throw new IllegalStateException("desaflow.verification.rules." + letterType + " must contain "
                        + RegisteredNikRule.CODE);
            }
            List<VerificationRule> resolved = new ArrayList<>();
            for (String code : codes) {
                VerificationRule rule = byCode.get(code);
                if (rule == null) {
                    throw new IllegalStateException("desaflow.verification.rules." + letterType
                            + ": unknown rule " + code + ", known: " + byCode.keySet());
                }
                resolved.add(rule);
            }
            rulesByLetterType.put(letterType, List.copyOf(resolved));
        });
    }

    List<VerificationRule> rulesFor(String letterType) {
        return rulesByLetterType.getOrDefault(letterType, rulesByLetterType.get(RuleSettings.DEFAULT));
    }

    Verdict judge(Submission submission) {
        Facts facts = new Facts(submission, registry.findByNik(submission.applicant().nik()));
        List<CheckResult> checks = new ArrayList<>();
        Outcome outcome = Outcome.VERIFIED;
        for (VerificationRule rule : rulesFor(submission.letterType())) {
            if (facts.resident().isEmpty() && rule.needsResident()) {
                continue;
            }
            CheckResult result = rule.check(facts);
            checks.add(result);
            if (!result.passed()) {
                outcome = outcome.worse(rule.onFailure());
            }
        }
        return new Verdict(checks, facts.resident(), outcome);
    }
}
