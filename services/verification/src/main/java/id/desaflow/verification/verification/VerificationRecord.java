package id.desaflow.verification.verification;

import id.desaflow.contracts.events.Applicant;
import id.desaflow.contracts.events.CheckResult;
import id.desaflow.contracts.events.RequestReturnedForRevision;
import id.desaflow.contracts.events.RequestVerified;
import id.desaflow.contracts.events.VerificationFailed;
import id.desaflow.platform.outbox.AggregateRoot;
import id.desaflow.verification.registry.Resident;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The latest verification of one letter request (id = request id) and the event that tells the others about it,
 * saved together in one document. Each revision is verified once: a redelivered or repeated event, or an older
 * revision, has no effect.
 */
@Document("verifications")
class VerificationRecord extends AggregateRoot {
    @Id
    private String requestId;
    private String trackingCode;
    private String letterType;
    private String villageCode;
    private int revision;
    private Applicant applicant;
    private Map<String, String> data;
    private String dusun;
    private Outcome outcome;
    private List<CheckResult> checks;
    private Instant verifiedAt;

    private VerificationRecord() {
    }

    /** The first verification of a request (usually of its submission, revision 0). */
    static VerificationRecord first(String eventId, Submission submission, Verdict verdict, Instant at) {
        VerificationRecord record = new VerificationRecord();
        record.requestId = submission.requestId();
        record.revision = submission.revision();
        record.apply(eventId, submission, verdict, at);
        return record;
    }

    /** Whether {@code submission} is a revision this record has not verified yet. */
    boolean isNewRevision(Submission submission) {
        return submission.revision() > revision;
    }

    void reverify(String eventId, Submission submission, Verdict verdict, Instant at) {
        if (!submission.requestId().equals(requestId)) {
            throw new IllegalArgumentException("Submission of " + submission.requestId() + " for " + requestId);
        }
        if (!isNewRevision(submission)) {
            throw new IllegalStateException("Revisi " + submission.revision() + " sudah diverifikasi (revisi "
                    + revision + ")");
        }
        apply(eventId, submission, verdict, at);
    }

    private void apply(String eventId, Submission submission, Verdict verdict, Instant at) {
        trackingCode = submission.trackingCode();
        letterType = submission.letterType();
        villageCode = submission.villageCode();
        revision = submission.revision();
        data = Map.copyOf(submission.data());
        // the registry spelling of the name is the one printed on the letter
        applicant = verdict.resident().map(Resident::name)
                .map(name -> new Applicant(submission.applicant().nik(), name, submission.applicant().phone(),
                        submission.applicant().email()))
                .orElse(submission.applicant());
        dusun = verdict.resident().map(Resident::dusun).orElse(null);
        checks = verdict.checks();
        outcome = verdict.outcome();
        verifiedAt = at.truncatedTo(ChronoUnit.MILLIS); // what MongoDB keeps, so the API shows the event's time
        publish(switch (outcome) {
            case VERIFIED -> new RequestVerified(requestId, trackingCode, letterType, villageCode, dusun, revision,
                    applicant, data, checks, verifiedAt, RequestVerified.VERIFIED);
            case MANUAL_CHECK -> new RequestVerified(requestId, trackingCode, letterType, villageCode, dusun,
                    revision, applicant, data, checks, verifiedAt, RequestVerified.MANUAL_CHECK);
            case NEEDS_REVISION -> new RequestReturnedForRevision(requestId, trackingCode, letterType, villageCode,
                    revision, verdict.failures(), verifiedAt);
            case FAILED -> new VerificationFailed(requestId, trackingCode, revision, verdict.failures(), verifiedAt);
        });
        markHandled(eventId);
    }

    @Override
    protected String eventKey() {
        return requestId;
    }

    String requestId() {
        return requestId;
    }

    String trackingCode() {
        return trackingCode;
    }

    String letterType() {
        return letterType;
    }

    String villageCode() {
        return villageCode;
    }

    int revision() {
        return revision;
    }

    Applicant applicant() {
        return applicant;
    }

    String dusun() {
        return dusun;
    }

    Outcome outcome() {
        return outcome;
    }

    List<CheckResult> checks() {
        return checks;
    }

    Instant verifiedAt() {
        return verifiedAt;
    }
}
