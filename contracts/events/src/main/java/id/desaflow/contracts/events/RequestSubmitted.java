package id.desaflow.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A resident (or an operator for them) submitted a letter request. */
public record RequestSubmitted(String requestId, String trackingCode, String letterType, String villageCode,
        Applicant applicant, Map<String, String> data, String channel, Instant submittedAt,
        List<AttachmentRef> attachments) {

    public RequestSubmitted {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A submission without attachments (kept so producers and tests written before attachments still read well). */
    public RequestSubmitted(String requestId, String trackingCode, String letterType, String villageCode,
            Applicant applicant, Map<String, String> data, String channel, Instant submittedAt) {
        this(requestId, trackingCode, letterType, villageCode, applicant, data, channel, submittedAt, List.of());
    }
}
