package id.desaflow.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Automatic verification passed; the approval chain may start (or resume after a revision). Carries the applicant
 * and data because the approval service prints them on the letter.
 */
public record RequestVerified(String requestId, String trackingCode, String letterType, String villageCode,
        String dusun, int revision, Applicant applicant, Map<String, String> data, List<CheckResult> checks,
        Instant verifiedAt) {
}
