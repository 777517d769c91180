package id.desaflow.approval.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;

/**
 * The villages whose ketua RT approves a request in the chain (Task_Rt) instead of signing a paper cover letter:
 * {@code pengantarRt: LANGKAH} in the shared workflows/catalogue/villages.json, the same entry intake's form and
 * verification's document check follow.
 */
@Component
class RtSteps {
    private final Set<String> villages = new HashSet<>();

    RtSteps(ObjectMapper json,
            @Value("${desaflow.catalogue.villages:classpath:catalogue/villages.json}") Resource location) {
        try (InputStream in = location.getInputStream()) {
            for (JsonNode village : json.readTree(in).path("villages")) {
                if ("LANGKAH".equals(village.path("pengantarRt").asText())) {
                    villages.add(village.path("code").asText());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The village catalogue " + location + " cannot be read", e);
        }
    }

    boolean rtApprovesIn(String villageCode) {
        return villages.contains(villageCode);
    }
}
