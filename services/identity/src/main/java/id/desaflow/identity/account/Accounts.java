package id.desaflow.identity.account;

import org.springframework.data.mongodb.repository.MongoRepository;

import java.util.List;
import java.util.Optional;

public interface Accounts extends MongoRepository<Account, String> {
    Optional<Account> findByLoginName(String loginName);

    List<Account> findByVillageInAndResidentFalse(List<String> villages);
}
