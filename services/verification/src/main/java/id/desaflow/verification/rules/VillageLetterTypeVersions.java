package id.desaflow.verification.rules;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Villages' versions of letter types by {@code <villageCode>:<letterType>} (collection {@code villageLetterTypes}). */
interface VillageLetterTypeVersions extends MongoRepository<VillageLetterType, String> {
}
