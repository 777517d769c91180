package id.desaflow.verification.verification;

import id.desaflow.verification.rules.OpenRequests;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Requests in progress, as verification knows them from events: a submission or revision opens a request; its
 * refusal here (verification failed), a rejection, an issued letter or a cancellation closes it.
 */
@Component
class OpenRequestView implements OpenRequests {
    private final MongoTemplate mongo;

    OpenRequestView(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean otherOpen(String nik, String letterType, String requestId) {
        return mongo.exists(query(where("submission.applicant.nik").is(nik).and("submission.letterType")
                .is(letterType).and("open").is(true).and("_id").ne(requestId)), VerificationRecord.class);
    }
}
