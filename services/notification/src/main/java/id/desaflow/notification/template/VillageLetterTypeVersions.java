package id.desaflow.notification.template;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Villages' names of letter types by {@code <villageCode>:<letterType>} (collection {@code villageLetterTypes}). */
interface VillageLetterTypeVersions extends MongoRepository<VillageLetterType, String> {
}
