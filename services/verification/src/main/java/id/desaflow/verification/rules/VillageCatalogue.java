package id.desaflow.verification.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.desaflow.platform.catalogue.CoverLetterSteps;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

/**
 * What verification reads of the shared village catalogue (workflows/catalogue/villages.json). Villages' own versions
 * of letter types (their required documents) are the platform's StoredVillageLetterTypes.
 */
@Configuration(proxyBeanMethods = false)
class VillageCatalogue {

    /** Where the ketua RT approves in the chain, the RT/RW cover letter is not a required document. */
    @Bean
    CoverLetterSteps coverLetterSteps(ObjectMapper json,
            @Value("${desaflow.verification.villages-location:classpath:catalogue/villages.json}") Resource location) {
        return CoverLetterSteps.read(json, location);
    }
}
