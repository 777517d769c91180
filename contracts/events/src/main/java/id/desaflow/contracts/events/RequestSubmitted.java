package id.desaflow.contracts.events;

import java.time.Instant;
import java.util.Map;

/** A resident (or an operator for them) submitted a letter request. */
public record RequestSubmitted(String requestId, String trackingCode, String letterType, String villageCode,
        Applicant applicant, Map<String, String> data, String channel, Instant submittedAt) {
}
