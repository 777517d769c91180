package id.desaflow.notification.official;

import org.springframework.data.mongodb.repository.MongoRepository;

import java.util.List;

/** The directory of officials, keyed by the identity service's user id. */
interface Officials extends MongoRepository<Official, String> {

    /** {@code roles} is an array: equality matches every official who has the role among others. */
    List<Official> findByVillageCodeAndRolesAndActiveTrue(String villageCode, String role);

    List<Official> findByUsernameAndSeededTrue(String username);

    boolean existsByUsername(String username);
}
