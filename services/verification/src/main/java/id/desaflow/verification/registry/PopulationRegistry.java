package id.desaflow.verification.registry;

import org.springframework.data.mongodb.repository.MongoRepository;

import java.util.Optional;

/** The population registry (collection {@code penduduk}). */
public interface PopulationRegistry extends MongoRepository<Resident, String> {

    Optional<Resident> findByNik(String nik);

    long countByVillageCode(String villageCode);
}
