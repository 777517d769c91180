package id.desaflow.verification.verification;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Map;

/**
 * Which rules apply per letter type, e.g. {@code desaflow.verification.rules.surat-keterangan-usaha: [..]};
 * letter types without an entry use {@code desaflow.verification.rules.default}. A village changes this without
 * a code change.
 */
@ConfigurationProperties("desaflow.verification")
record RuleSettings(Map<String, List<String>> rules) {
    static final String DEFAULT = "default";

    RuleSettings {
        rules = rules == null ? Map.of() : Map.copyOf(rules);
    }
}
