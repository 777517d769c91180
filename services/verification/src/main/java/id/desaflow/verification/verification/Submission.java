package id.desaflow.verification.verification;

import id.desaflow.contracts.events.Applicant;
import id.desaflow.contracts.events.AttachmentRef;
import id.desaflow.contracts.events.RequestRevised;
import id.desaflow.contracts.events.RequestSubmitted;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a request claims, the same for a first submission (revision 0) and a revised one. */
record Submission(String requestId, String trackingCode, String letterType, String villageCode, int revision,
        Applicant applicant, Map<String, String> data, Set<String> documents) {

    static Submission of(RequestSubmitted e) {
        return new Submission(e.requestId(), e.trackingCode(), e.letterType(), e.villageCode(), 0, e.applicant(),
                e.data(), documents(e.attachments(), e.attachmentsOnPaper()));
    }

    static Submission of(RequestRevised e) {
        return new Submission(e.requestId(), e.trackingCode(), e.letterType(), e.villageCode(), e.revision(),
                e.applicant(), e.data(), documents(e.attachments(), e.attachmentsOnPaper()));
    }

    /** The document kinds the request has: uploaded, or brought to the counter on paper (seen by an operator). */
    private static Set<String> documents(List<AttachmentRef> uploaded, List<String> onPaper) {
        Set<String> kinds = new java.util.TreeSet<>(onPaper);
        uploaded.forEach(a -> kinds.add(a.kind()));
        return Set.copyOf(kinds);
    }
}
