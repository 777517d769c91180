package id.desaflow.contracts.events;

import java.time.Instant;
import java.util.List;

/**
 * Verification found something the resident can fix (a missing attachment, a field that contradicts the
 * registry); {@code problems} say what, in Indonesian. The request waits for a {@link RequestRevised}.
 */
public record RequestReturnedForRevision(String requestId, String trackingCode, String letterType,
        String villageCode, int revision, List<CheckResult> problems, Instant returnedAt) {
}
