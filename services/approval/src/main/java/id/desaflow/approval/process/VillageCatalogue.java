package id.desaflow.approval.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.desaflow.platform.catalogue.CoverLetterSteps;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

/** What approval reads of the shared village catalogue (workflows/catalogue/villages.json). */
@Configuration(proxyBeanMethods = false)
class VillageCatalogue {

    /** Where the ketua RT approves first (Task_Rt) instead of signing a paper cover letter. */
    @Bean
    CoverLetterSteps coverLetterSteps(ObjectMapper json,
            @Value("${desaflow.catalogue.villages:classpath:catalogue/villages.json}") Resource location) {
        return CoverLetterSteps.read(json, location);
    }
}
