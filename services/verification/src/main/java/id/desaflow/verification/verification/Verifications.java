package id.desaflow.verification.verification;

import id.desaflow.platform.identity.Masking;
import id.desaflow.verification.rules.CivilRegistry;
import id.desaflow.verification.rules.RuleBook;
import id.desaflow.verification.rules.Submission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.Optional;

/**
 * Verifies each submitted or revised request once, retries the ones waiting for Dukcapil, and closes requests that
 * ended. The record, its outgoing event and the id of the causing event are one document write; an insert race or
 * a version conflict throws, the listener retries and then sees the new state.
 */
@Service
class Verifications {
    private static final Logger log = LoggerFactory.getLogger(Verifications.class);

    private final VerificationRecords records;
    private final RuleBook rules;
    private final Clock clock;

    Verifications(VerificationRecords records, RuleBook rules, Optional<Clock> clock) {
        this.records = records;
        this.rules = rules;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    void verify(String eventId, Submission submission) {
        Optional<VerificationRecord> existing = records.findById(submission.requestId());
        if (existing.isPresent()) {
            VerificationRecord record = existing.get();
            if (record.hasHandled(eventId) || !record.open() || !record.isNewRevision(submission)) {
                // a redelivery, a repeated submission, a late older revision, or a request that has ended
                log.info("Request {} revision {} not verified (seen revision {}, open {}); event {} skipped",
                        submission.requestId(), submission.revision(), record.revision(), record.open(), eventId);
                return;
            }
        }
        VerificationRecord record = existing.orElseGet(() -> VerificationRecord.of(submission.requestId()));
        attempt(record, eventId, submission);
        save(record);
    }

    /**
     * One more attempt for a request waiting for Dukcapil.
     *
     * @return whether it was decided (false: Dukcapil still cannot answer)
     */
    boolean retry(VerificationRecord record) {
        attempt(record, null, record.submission());
        save(record);
        return !record.pending();
    }

    /** The request ended (cancelled, rejected, letter issued): it is no longer open, nor retried. */
    void close(String eventId, String requestId, String by) {
        VerificationRecord record = records.findById(requestId).orElseGet(() -> VerificationRecord.of(requestId));
        if (record.hasHandled(eventId)) {
            return;
        }
        record.close(eventId, by, clock.instant());
        records.save(record);
        log.info("Request {} closed by {}", requestId, by);
    }

    Optional<VerificationRecord> find(String requestId) {
        return records.findById(requestId).filter(r -> r.submission() != null);
    }

    private void attempt(VerificationRecord record, String eventId, Submission submission) {
        try {
            record.decide(eventId, submission, rules.judge(submission, record.findingsToKeepFor(submission)),
                    clock.instant());
        } catch (CivilRegistry.Unavailable e) {
            record.postpone(eventId, submission, e.getMessage(), clock.instant());
        }
    }

    private void save(VerificationRecord record) {
        records.save(record);
        if (record.pending()) {
            log.info("Request {} revision {} of {} pending (attempt {}): {}", record.requestId(), record.revision(),
                    Masking.nik(record.submission().nik()), record.attempts(), record.pendingReason());
        } else {
            log.info("Request {} revision {} of {} {}: failed {}", record.requestId(), record.revision(),
                    Masking.nik(record.submission().nik()), record.outcome(), record.findings().stream()
                            .filter(f -> !f.passed()).map(f -> f.rule()).toList());
        }
    }
}
