package id.desaflow.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Automatic verification let the request through to the approval chain (or resumes it after a revision). Carries
 * the applicant and data because the approval service prints them on the letter. {@code outcome} is
 * {@link #VERIFIED} or {@link #MANUAL_CHECK}: the data were inconclusive, so the chain starts with an operator's
 * manual check (the failed checks say why).
 */
public record RequestVerified(String requestId, String trackingCode, String letterType, String villageCode,
        String dusun, int revision, Applicant applicant, Map<String, String> data, List<CheckResult> checks,
        Instant verifiedAt, String outcome) {

    public static final String VERIFIED = "VERIFIED";
    public static final String MANUAL_CHECK = "MANUAL_CHECK";

    public RequestVerified {
        outcome = outcome == null ? VERIFIED : outcome;
    }

    public RequestVerified(String requestId, String trackingCode, String letterType, String villageCode,
            String dusun, int revision, Applicant applicant, Map<String, String> data, List<CheckResult> checks,
            Instant verifiedAt) {
        this(requestId, trackingCode, letterType, villageCode, dusun, revision, applicant, data, checks, verifiedAt,
                VERIFIED);
    }

    public boolean needsManualCheck() {
        return MANUAL_CHECK.equals(outcome);
    }
}
