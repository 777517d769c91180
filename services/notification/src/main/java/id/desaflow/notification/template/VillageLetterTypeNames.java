package id.desaflow.notification.template;

import id.desaflow.platform.catalogue.VillageLetterTypes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;

import java.time.Duration;

/** The names villages gave their letter types (LetterTypeChanged from intake), which every message uses. */
@Configuration(proxyBeanMethods = false)
class VillageLetterTypeNames {

    @Bean
    VillageLetterTypes villageLetterTypes(MongoOperations mongo,
            @Value("${desaflow.village-letter-types.refresh-after:PT1M}") Duration refreshAfter) {
        return VillageLetterTypes.stored(mongo, refreshAfter);
    }
}
