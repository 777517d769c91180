package id.desaflow.verification.verification;

import id.desaflow.contracts.events.Applicant;
import id.desaflow.contracts.events.RequestRevised;
import id.desaflow.contracts.events.RequestSubmitted;

import java.util.Map;

/** What a request claims, the same for a first submission (revision 0) and a revised one. */
record Submission(String requestId, String trackingCode, String letterType, String villageCode, int revision,
        Applicant applicant, Map<String, String> data) {

    static Submission of(RequestSubmitted e) {
        return new Submission(e.requestId(), e.trackingCode(), e.letterType(), e.villageCode(), 0, e.applicant(),
                e.data());
    }

    static Submission of(RequestRevised e) {
        return new Submission(e.requestId(), e.trackingCode(), e.letterType(), e.villageCode(), e.revision(),
                e.applicant(), e.data());
    }
}
