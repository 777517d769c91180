package id.desaflow.verification.verification;

import id.desaflow.platform.identity.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.Optional;

/**
 * Verifies each submitted or revised request once. The record, its outgoing event and the id of the causing event
 * are one document write; an insert race or version conflict throws, the listener retries and then sees the
 * request as already verified.
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
        if (existing.isEmpty()) {
            save(VerificationRecord.first(eventId, submission, rules.judge(submission), clock.instant()));
            return;
        }
        VerificationRecord record = existing.get();
        if (record.hasHandled(eventId) || !record.isNewRevision(submission)) {
            // a redelivery, a repeated submission or a late older revision: this revision is already verified
            log.info("Request {} revision {} already verified (revision {}); event {} skipped",
                    submission.requestId(), submission.revision(), record.revision(), eventId);
            return;
        }
        record.reverify(eventId, submission, rules.judge(submission), clock.instant());
        save(record);
    }

    Optional<VerificationRecord> find(String requestId) {
        return records.findById(requestId);
    }

    private void save(VerificationRecord record) {
        records.save(record);
        log.info("Request {} revision {} of {} {}: {}", record.requestId(), record.revision(),
                Masking.nik(record.applicant().nik()), record.outcome(),
                record.checks().stream().filter(c -> !c.passed()).map(c -> c.rule()).toList());
    }
}
