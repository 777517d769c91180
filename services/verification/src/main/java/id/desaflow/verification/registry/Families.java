package id.desaflow.verification.registry;

import org.springframework.data.mongodb.repository.MongoRepository;

/** The families (Kartu Keluarga) of the registry, by KK number (collection {@code keluarga}). */
interface Families extends MongoRepository<Family, String> {
}
