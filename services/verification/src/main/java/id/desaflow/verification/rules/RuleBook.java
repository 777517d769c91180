package id.desaflow.verification.rules;

import id.desaflow.verification.registry.PopulationRegistry;
import id.desaflow.verification.registry.Resident;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs the rules of a letter type against the registry and decides the outcome (the worst finding). Two things
 * keep a remote dependency from deciding more than it must: the remote rule runs last and only when its finding
 * could still change the outcome (a request already refused or sent back is not held up by Dukcapil), and when it
 * cannot answer, {@link CivilRegistry.Unavailable} propagates so the request waits instead of being judged.
 */
@Component
@EnableConfigurationProperties(VillageSettings.class)
public class RuleBook {
    /** The demo villages and most users are in Java (WIB): "today" for ages is their date. */
    private static final ZoneId VILLAGE_TIME = ZoneId.of("Asia/Jakarta");

    private final RuleCatalogue catalogue;
    private final PopulationRegistry registry;
    private final OpenRequests openRequests;
    private final CivilRegistry civilRegistry;
    private final Clock clock;

    RuleBook(RuleCatalogue catalogue, PopulationRegistry registry, OpenRequests openRequests,
            CivilRegistry civilRegistry, Optional<Clock> clock) {
        this.catalogue = catalogue;
        this.registry = registry;
        this.openRequests = openRequests;
        this.civilRegistry = civilRegistry;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /**
     * @param earlier the findings of this request's previous verification (same NIK), or empty: findings of rules
     *                a revision cannot change are kept from it instead of being re-run
     * @throws CivilRegistry.Unavailable when the remote check is needed and cannot be made now
     */
    public Verdict judge(Submission submission, List<Finding> earlier) {
        List<RuleCatalogue.Bound> rules = catalogue.rulesFor(submission.letterType());
        Map<String, Finding> keep = earlier.stream().filter(f -> rules.stream()
                        .anyMatch(b -> b.code().equals(f.rule()) && !b.rule().readsSubmission()))
                .collect(Collectors.toMap(Finding::rule, Function.identity(), (a, b) -> a));
        Optional<Resident> resident = registry.findByNik(submission.nik());
        Facts facts = new Facts(submission, resident, LocalDate.now(clock.withZone(VILLAGE_TIME)),
                registry::findByNik, openRequests, civilRegistry);
        Finding[] findings = new Finding[rules.size()];
        Outcome outcome = Outcome.VERIFIED;
        List<Integer> remote = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            RuleCatalogue.Bound bound = rules.get(i);
            Finding kept = keep.get(bound.code());
            if (kept != null) {
                findings[i] = kept.keptFromEarlierRevision();
            } else if (resident.isEmpty() && bound.rule().needsResident()) {
                continue;
            } else if (bound.rule().remote()) {
                remote.add(i);
                continue;
            } else {
                findings[i] = evaluate(bound, facts);
            }
            outcome = outcome.worse(findings[i].outcome());
        }
        for (int i : remote) {
            RuleCatalogue.Bound bound = rules.get(i);
            Outcome worstPossible = bound.entry().onFailure().worse(Outcome.MANUAL_CHECK);
            if (!civilRegistry.enabled() || outcome.ordinal() >= worstPossible.ordinal()) {
                continue;
            }
            findings[i] = evaluate(bound, facts);
            outcome = outcome.worse(findings[i].outcome());
        }
        List<Finding> made = new ArrayList<>();
        for (Finding finding : findings) {
            if (finding != null) {
                made.add(finding);
            }
        }
        return new Verdict(made, resident, outcome);
    }

    private static Finding evaluate(RuleCatalogue.Bound bound, Facts facts) {
        Check check = bound.rule().check(facts, bound.entry());
        Outcome outcome = switch (check.status()) {
            case PASSED -> Outcome.VERIFIED;
            case FAILED -> bound.entry().onFailure();
            case INCONCLUSIVE -> Outcome.MANUAL_CHECK;
        };
        return new Finding(bound.code(), check.status() == Check.Status.PASSED, check.message(), outcome, false);
    }
}
