package id.desaflow.verification.rules;

import id.desaflow.contracts.events.Applicant;
import id.desaflow.contracts.events.AttachmentRef;
import id.desaflow.contracts.events.RequestRevised;
import id.desaflow.contracts.events.RequestSubmitted;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** What a request claims, the same for a first submission (revision 0) and a revised one. */
public record Submission(String requestId, String trackingCode, String letterType, String villageCode, int revision,
        Applicant applicant, Map<String, String> data, Set<String> documents) {

    public Submission {
        data = data == null ? Map.of() : Map.copyOf(data);
        documents = documents == null ? Set.of() : Set.copyOf(documents);
    }

    public static Submission of(RequestSubmitted e) {
        return new Submission(e.requestId(), e.trackingCode(), e.letterType(), e.villageCode(), 0, e.applicant(),
                e.data(), documents(e.attachments(), e.attachmentsOnPaper()));
    }

    public static Submission of(RequestRevised e) {
        return new Submission(e.requestId(), e.trackingCode(), e.letterType(), e.villageCode(), e.revision(),
                e.applicant(), e.data(), documents(e.attachments(), e.attachmentsOnPaper()));
    }

    public String nik() {
        return applicant.nik();
    }

    /** The document kinds the request has: uploaded, or brought to the counter on paper (seen by an operator). */
    private static Set<String> documents(List<AttachmentRef> uploaded, List<String> onPaper) {
        Set<String> kinds = new TreeSet<>(onPaper);
        uploaded.forEach(a -> kinds.add(a.kind()));
        return kinds;
    }
}
