package id.desaflow.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The resident resubmitted after a revision was asked for; a full snapshot so consumers need no history. */
public record RequestRevised(String requestId, String trackingCode, String letterType, String villageCode,
        int revision, Applicant applicant, Map<String, String> data, Instant revisedAt,
        List<AttachmentRef> attachments, List<String> attachmentsOnPaper) {

    public RequestRevised {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        attachmentsOnPaper = attachmentsOnPaper == null ? List.of() : List.copyOf(attachmentsOnPaper);
    }

    public RequestRevised(String requestId, String trackingCode, String letterType, String villageCode,
            int revision, Applicant applicant, Map<String, String> data, Instant revisedAt,
            List<AttachmentRef> attachments) {
        this(requestId, trackingCode, letterType, villageCode, revision, applicant, data, revisedAt, attachments,
                List.of());
    }

    public RequestRevised(String requestId, String trackingCode, String letterType, String villageCode,
            int revision, Applicant applicant, Map<String, String> data, Instant revisedAt) {
        this(requestId, trackingCode, letterType, villageCode, revision, applicant, data, revisedAt, List.of(),
                List.of());
    }
}
