package id.desaflow.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A resident (or an operator for them) submitted a letter request. {@code attachmentsOnPaper}: attachment kinds the
 * resident brought to the counter on paper instead of uploading (counter channel only).
 */
public record RequestSubmitted(String requestId, String trackingCode, String letterType, String villageCode,
        Applicant applicant, Map<String, String> data, String channel, Instant submittedAt,
        List<AttachmentRef> attachments, List<String> attachmentsOnPaper) {

    public RequestSubmitted {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        attachmentsOnPaper = attachmentsOnPaper == null ? List.of() : List.copyOf(attachmentsOnPaper);
    }

    /** Uploads only, nothing brought on paper. */
    public RequestSubmitted(String requestId, String trackingCode, String letterType, String villageCode,
            Applicant applicant, Map<String, String> data, String channel, Instant submittedAt,
            List<AttachmentRef> attachments) {
        this(requestId, trackingCode, letterType, villageCode, applicant, data, channel, submittedAt, attachments,
                List.of());
    }

    /** A submission without attachments (kept so producers and tests written before attachments still read well). */
    public RequestSubmitted(String requestId, String trackingCode, String letterType, String villageCode,
            Applicant applicant, Map<String, String> data, String channel, Instant submittedAt) {
        this(requestId, trackingCode, letterType, villageCode, applicant, data, channel, submittedAt, List.of(), List.of());
    }
}
