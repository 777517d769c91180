package id.desaflow.verification.registry;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.repository.MongoRepository;

import java.util.List;
import java.util.Optional;

/** The population registry (collection {@code penduduk}); the NIK is unique across villages. */
public interface PopulationRegistry extends MongoRepository<Resident, String> {

    Optional<Resident> findByNik(String nik);

    long countByVillageCode(String villageCode);

    List<Resident> findByKkNumber(String kkNumber, Sort sort);
}
