package id.desaflow.notification.official;

import org.springframework.data.mongodb.repository.MongoRepository;

import java.time.LocalDate;
import java.util.List;

/** Task events waiting for officials' daily digests. */
interface DigestItems extends MongoRepository<DigestItem, String> {

    List<DigestItem> findByUserIdAndSentFalseAndDigestDateLessThanEqualOrderByDueAtAsc(String userId,
            LocalDate digestDate);
}
