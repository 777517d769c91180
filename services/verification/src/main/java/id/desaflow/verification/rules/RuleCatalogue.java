package id.desaflow.verification.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rules per letter type, read from workflows/catalogue/verification-rules.json (format in its $comment and the
 * README). Everything is checked at start-up: unknown rule codes, bad parameters, a field or attachment kind the
 * letter-type catalogue does not have, a missing nik-terdaftar: the service refuses to start rather than verify less.
 */
@Component
class RuleCatalogue {
    private static final Logger log = LoggerFactory.getLogger(RuleCatalogue.class);

    /** A rule with its entry (outcome, parameters) for one letter type. */
    record Bound(VerificationRule rule, RuleEntry entry) {
        String code() {
            return entry.code();
        }
    }

    private final List<Bound> common;
    private final Map<String, List<Bound>> byLetterType = new LinkedHashMap<>();

    @Autowired
    RuleCatalogue(ObjectMapper json, List<VerificationRule> rules, LetterTypes letterTypes,
            @Value("${desaflow.verification.rules-location:classpath:catalogue/verification-rules.json}")
            Resource location) {
        this(read(json, location), rules, letterTypes);
    }

    RuleCatalogue(JsonNode root, List<VerificationRule> rules, LetterTypes letterTypes) {
        Map<String, VerificationRule> known = rules.stream()
                .collect(Collectors.toMap(VerificationRule::code, Function.identity()));
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        root.path("rules").fields().forEachRemaining(e -> {
            if (!known.containsKey(e.getKey())) {
                throw new IllegalStateException("Unknown rule " + e.getKey() + ", known: " + known.keySet());
            }
            outcomes.put(e.getKey(), Outcome.ofFailure(e.getValue().path("onFailure").asText(null)));
        });
        List<RuleEntry> commonEntries = entries(root.path("common"), outcomes, "common");
        if (commonEntries.stream().noneMatch(e -> e.code().equals(RegisteredNikRule.CODE))) {
            throw new IllegalStateException("common must contain " + RegisteredNikRule.CODE
                    + ": every other rule compares with the registry entry");
        }
        common = bind(commonEntries, known, letterTypes, null);
        root.path("letterTypes").fields().forEachRemaining(e -> {
            String type = e.getKey();
            if (letterTypes.find(type).isEmpty()) {
                log.warn("verification-rules.json has rules for {}, which the letter-type catalogue does not know",
                        type);
            }
            Set<String> skip = new HashSet<>();
            e.getValue().path("skip").forEach(s -> skip.add(s.asText()));
            if (skip.contains(RegisteredNikRule.CODE)) {
                throw new IllegalStateException(type + " may not skip " + RegisteredNikRule.CODE);
            }
            List<RuleEntry> entries = new ArrayList<>(commonEntries.stream().filter(c -> !skip.contains(c.code()))
                    .toList());
            entries.addAll(entries(e.getValue().path("rules"), outcomes, type));
            byLetterType.put(type, bind(entries, known, letterTypes, type));
        });
        letterTypes.codes().stream().filter(code -> !byLetterType.containsKey(code)).forEach(code ->
                log.warn("Letter type {} has no entry in verification-rules.json: only the common rules apply", code));
    }

    /** The rules of a letter type in order; the common rules for a letter type the file does not list. */
    List<Bound> rulesFor(String letterType) {
        return byLetterType.getOrDefault(letterType, common);
    }

    Set<String> letterTypes() {
        return byLetterType.keySet();
    }

    private static List<RuleEntry> entries(JsonNode list, Map<String, Outcome> outcomes, String where) {
        List<RuleEntry> entries = new ArrayList<>();
        for (JsonNode node : list) {
            String code = node.path("rule").asText();
            Outcome declared = outcomes.get(code);
            if (declared == null) {
                throw new IllegalStateException(where + ": rule " + code + " is not declared under \"rules\"");
            }
            Outcome onFailure = node.has("onFailure") ? Outcome.ofFailure(node.path("onFailure").asText()) : declared;
            entries.add(new RuleEntry(code, onFailure, node));
        }
        return entries;
    }

    private static List<Bound> bind(List<RuleEntry> entries, Map<String, VerificationRule> known,
            LetterTypes letterTypes, String letterType) {
        Set<String> seen = new HashSet<>();
        List<Bound> bound = new ArrayList<>();
        for (RuleEntry entry : entries) {
            if (!seen.add(entry.code())) {
                throw new IllegalStateException((letterType == null ? "common" : letterType) + ": rule "
                        + entry.code() + " listed twice");
            }
            VerificationRule rule = known.get(entry.code());
            try {
                rule.validate(entry, letterType == null ? java.util.Optional.empty() : letterTypes.find(letterType));
            } catch (IllegalStateException e) {
                throw new IllegalStateException((letterType == null ? "common" : letterType) + ": "
                        + e.getMessage(), e);
            }
            bound.add(new Bound(rule, entry));
        }
        return List.copyOf(bound);
    }

    private static JsonNode read(ObjectMapper json, Resource location) {
        try (InputStream in = location.getInputStream()) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("The verification rules " + location + " cannot be read", e);
        }
    }
}
