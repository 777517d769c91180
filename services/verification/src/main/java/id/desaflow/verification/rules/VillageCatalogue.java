package id.desaflow.verification.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.desaflow.platform.catalogue.CoverLetterSteps;
import id.desaflow.platform.catalogue.VillageLetterTypes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.data.mongodb.core.MongoOperations;

import java.time.Duration;

/**
 * What verification reads of the shared village catalogue (workflows/catalogue/villages.json), and the villages' own
 * versions of letter types.
 */
@Configuration(proxyBeanMethods = false)
class VillageCatalogue {

    /** Where the ketua RT approves in the chain, the RT/RW cover letter is not a required document. */
    @Bean
    CoverLetterSteps coverLetterSteps(ObjectMapper json,
            @Value("${desaflow.verification.villages-location:classpath:catalogue/villages.json}") Resource location) {
        return CoverLetterSteps.read(json, location);
    }

    /** Villages' own versions of letter types (LetterTypeChanged from intake): their required documents. */
    @Bean
    VillageLetterTypes villageLetterTypes(MongoOperations mongo,
            @Value("${desaflow.village-letter-types.refresh-after:PT1M}") Duration refreshAfter) {
        return VillageLetterTypes.stored(mongo, refreshAfter);
    }
}
