package id.desaflow.identity.audit;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

@Component
public class AuditTrail {

    private final MongoTemplate mongo;
    private final Clock clock;

    AuditTrail(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public void record(String userId, String actorId, String action, String detail, String ip) {
        mongo.insert(new AuditRecord(UUID.randomUUID().toString(), userId, actorId, action, detail, ip,
                clock.instant()));
    }

    public List<AuditRecord> of(String userId) {
        return mongo.find(Query.query(Criteria.where("userId").is(userId)).with(Sort.by("at")), AuditRecord.class);
    }
}
