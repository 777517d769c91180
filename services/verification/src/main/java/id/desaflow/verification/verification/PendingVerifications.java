package id.desaflow.verification.verification;

import id.desaflow.verification.rules.CivilRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Drains the requests waiting for Dukcapil: every {@code desaflow.dukcapil.retry-interval} (15 s), unless the
 * circuit breaker is open, oldest first, until one still cannot be checked. The queue is the verification records
 * themselves, so nothing waiting is lost when the service restarts; several replicas may run this at once (a record
 * both touched is saved by one, the other's version conflict is skipped). The backlog is the gauge
 * {@code desaflow.verification.pending}.
 */
@Component
@EnableScheduling
class PendingVerifications {
    private static final Logger log = LoggerFactory.getLogger(PendingVerifications.class);
    private static final int BATCH = 100;

    private final MongoTemplate mongo;
    private final Verifications verifications;
    private final CivilRegistry civilRegistry;

    PendingVerifications(MongoTemplate mongo, Verifications verifications, CivilRegistry civilRegistry,
            MeterRegistry meters) {
        this.mongo = mongo;
        this.verifications = verifications;
        this.civilRegistry = civilRegistry;
        Gauge.builder("desaflow.verification.pending", () -> mongo.count(pending(), VerificationRecord.class))
                .description("Requests waiting for the Dukcapil check").register(meters);
    }

    @Scheduled(fixedDelayString = "${desaflow.dukcapil.retry-interval:15s}",
            initialDelayString = "${desaflow.dukcapil.retry-interval:15s}")
    void retry() {
        // a switched-off Dukcapil check drains the backlog without it; an open circuit means: not yet
        if (civilRegistry.enabled() && !civilRegistry.available()) {
            return;
        }
        int decided = 0;
        for (VerificationRecord record : mongo.find(pending().with(Sort.by("pendingSince")).limit(BATCH),
                VerificationRecord.class)) {
            try {
                if (!verifications.retry(record)) {
                    break;
                }
                decided++;
            } catch (OptimisticLockingFailureException e) {
                log.debug("Pending request {} changed meanwhile; left to whoever changed it", record.requestId());
            }
        }
        if (decided > 0) {
            log.info("{} pending verification(s) decided", decided);
        }
    }

    private static Query pending() {
        return query(where("pendingSince").ne(null).and("open").is(true));
    }
}
