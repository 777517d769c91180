package id.desaflow.contracts.events;

import java.time.Instant;
import java.util.List;

/** Verification refused the request; {@code reasons} lists the failed rules in Indonesian. */
public record VerificationFailed(String requestId, String trackingCode, int revision, List<CheckResult> reasons,
        Instant failedAt) {
}
