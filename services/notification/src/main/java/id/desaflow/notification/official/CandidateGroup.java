package id.desaflow.notification.official;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code desa:<village code>:<role>} or, for one dusun's kepala dusun, {@code desa:<village>:kadus:<dusun slug>}. */
record CandidateGroup(String villageCode, String role, String dusunSlug) {
    private static final Pattern FORMAT = Pattern.compile("desa:([0-9]{10}):([a-z-]+)(?::([a-z0-9-]+))?");

    static Optional<CandidateGroup> parse(String group) {
        Matcher m = group == null ? null : FORMAT.matcher(group);
        return m != null && m.matches() ? Optional.of(new CandidateGroup(m.group(1), m.group(2), m.group(3)))
                : Optional.empty();
    }
}
