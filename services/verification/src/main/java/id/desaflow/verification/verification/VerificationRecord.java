package id.desaflow.verification.verification;

import id.desaflow.contracts.events.Applicant;
import id.desaflow.contracts.events.RequestReturnedForRevision;
import id.desaflow.contracts.events.RequestVerified;
import id.desaflow.contracts.events.VerificationFailed;
import id.desaflow.contracts.events.VerificationPostponed;
import id.desaflow.platform.outbox.AggregateRoot;
import id.desaflow.verification.registry.Resident;
import id.desaflow.verification.rules.Finding;
import id.desaflow.verification.rules.Outcome;
import id.desaflow.verification.rules.Submission;
import id.desaflow.verification.rules.Verdict;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The verification of one letter request (id = request id): the latest revision seen, its findings and outcome,
 * whether it waits for Dukcapil (pending), whether the request is still open (verification's own view of requests
 * in progress), and the events telling the others — all one document, written at once with the id of the event that
 * caused the change. Each revision is decided once; a redelivered event, a repeated submission or an older revision
 * has no effect, and a closed request (refused, rejected, issued, cancelled) is never verified again.
 */
@Document("verifications")
@CompoundIndex(name = "open_by_nik_and_type", def = "{'submission.applicant.nik': 1, 'submission.letterType': 1, "
        + "'open': 1}")
class VerificationRecord extends AggregateRoot {
    /** What the resident is told while Dukcapil cannot be reached; never a refusal. */
    static final String POSTPONED = "Pemeriksaan NIK ke data kependudukan nasional (Dukcapil) sedang tertunda karena "
            + "layanannya tidak dapat dihubungi. Permohonan akan diperiksa otomatis begitu layanan pulih; Anda tidak "
            + "perlu mengajukan ulang.";

    @Id
    private String requestId;
    /** The latest submission or revision seen; null while only a closing event is known. */
    private Submission submission;
    private int revision = -1;
    private Applicant applicant;
    private String dusun;
    private Outcome outcome;
    private List<Finding> findings = new ArrayList<>();
    /** The revision and NIK the findings were made for. */
    private int decidedRevision = -1;
    private String decidedNik;
    private Instant verifiedAt;
    @Indexed(sparse = true)
    private Instant pendingSince;
    private String pendingReason;
    private int attempts;
    private Instant lastAttemptAt;
    private boolean open = true;
    private String closedBy;
    private Instant closedAt;

    private VerificationRecord() {
    }

    /** A request seen for the first time. */
    static VerificationRecord of(String requestId) {
        VerificationRecord record = new VerificationRecord();
        record.requestId = requestId;
        return record;
    }

    /** Whether {@code submission} is a revision not seen yet (a new request has seen none). */
    boolean isNewRevision(Submission submission) {
        return submission.revision() > revision;
    }

    /** The findings a verification of {@code next} may keep: the previous decision's, if made for the same NIK. */
    List<Finding> findingsToKeepFor(Submission next) {
        return next.nik().equals(decidedNik) ? findings : List.of();
    }

    void decide(String eventId, Submission submission, Verdict verdict, Instant at) {
        requireOpen(submission);
        this.submission = submission;
        revision = submission.revision();
        // the registry spelling of the name is the one printed on the letter
        applicant = verdict.resident().map(Resident::name)
                .map(name -> new Applicant(submission.nik(), name, submission.applicant().phone(),
                        submission.applicant().email()))
                .orElse(submission.applicant());
        dusun = verdict.resident().map(Resident::dusun).orElse(null);
        findings = List.copyOf(verdict.findings());
        outcome = verdict.outcome();
        decidedRevision = revision;
        decidedNik = submission.nik();
        verifiedAt = millis(at); // what MongoDB keeps, so the API shows the event's time
        pendingSince = null;
        pendingReason = null;
        publish(switch (outcome) {
            case VERIFIED -> verified(RequestVerified.VERIFIED);
            case MANUAL_CHECK -> verified(RequestVerified.MANUAL_CHECK);
            case NEEDS_REVISION -> new RequestReturnedForRevision(requestId, submission.trackingCode(),
                    submission.letterType(), submission.villageCode(), revision, verdict.decisive(), verifiedAt);
            case FAILED -> new VerificationFailed(requestId, submission.trackingCode(), revision, verdict.decisive(),
                    verifiedAt);
        });
        if (outcome == Outcome.FAILED) {
            close("verification-failed", at);
        }
        markHandled(eventId);
    }

    /**
     * The verification needs Dukcapil, which cannot answer now: the request waits. The others hear it once per
     * revision; later failed attempts only count.
     */
    void postpone(String eventId, Submission submission, String reason, Instant at) {
        requireOpen(submission);
        boolean news = pendingSince == null || submission.revision() != revision;
        this.submission = submission;
        revision = submission.revision();
        if (pendingSince == null) {
            pendingSince = millis(at);
        }
        attempts++;
        lastAttemptAt = millis(at);
        pendingReason = reason;
        if (news) {
            publish(new VerificationPostponed(requestId, submission.trackingCode(), revision, POSTPONED,
                    pendingSince));
        }
        markHandled(eventId);
    }

    /** The request ended elsewhere (cancelled, rejected, letter issued): it is no longer open nor retried. */
    void close(String eventId, String by, Instant at) {
        close(by, at);
        markHandled(eventId);
    }

    private void close(String by, Instant at) {
        if (open) {
            open = false;
            closedBy = by;
            closedAt = millis(at);
            pendingSince = null;
        }
    }

    private void requireOpen(Submission next) {
        if (!open) {
            throw new IllegalStateException("Permohonan " + requestId + " sudah ditutup (" + closedBy + ")");
        }
        if (!next.requestId().equals(requestId)) {
            throw new IllegalArgumentException("Submission of " + next.requestId() + " for " + requestId);
        }
    }

    private RequestVerified verified(String kind) {
        return new RequestVerified(requestId, submission.trackingCode(), submission.letterType(),
                submission.villageCode(), dusun, revision, applicant, submission.data(), verdictChecks(), verifiedAt,
                kind);
    }

    private List<id.desaflow.contracts.events.CheckResult> verdictChecks() {
        return findings.stream().map(Finding::check).toList();
    }

    private static Instant millis(Instant at) {
        return at.truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    protected String eventKey() {
        return requestId;
    }

    String requestId() {
        return requestId;
    }

    Submission submission() {
        return submission;
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

    List<Finding> findings() {
        return findings;
    }

    int decidedRevision() {
        return decidedRevision;
    }

    Instant verifiedAt() {
        return verifiedAt;
    }

    boolean pending() {
        return pendingSince != null;
    }

    Instant pendingSince() {
        return pendingSince;
    }

    String pendingReason() {
        return pendingReason;
    }

    int attempts() {
        return attempts;
    }

    Instant lastAttemptAt() {
        return lastAttemptAt;
    }

    boolean open() {
        return open;
    }

    String closedBy() {
        return closedBy;
    }
}
