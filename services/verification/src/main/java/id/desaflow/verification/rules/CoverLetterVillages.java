package id.desaflow.verification.rules;

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
 * The villages where the ketua RT approves a request in the approval chain instead of signing a cover letter
 * ({@code pengantarRt: LANGKAH} in the shared workflows/catalogue/villages.json): there the RT/RW cover letter is not
 * a required document, for intake's form and for this check alike.
 */
@Component
class CoverLetterVillages {
    static final String COVER_LETTER = "pengantar-rt";
    private final Set<String> rtApprovesInTheChain = new HashSet<>();

    CoverLetterVillages(ObjectMapper json,
            @Value("${desaflow.verification.villages-location:classpath:catalogue/villages.json}") Resource location) {
        try (InputStream in = location.getInputStream()) {
            for (JsonNode village : json.readTree(in).path("villages")) {
                if ("LANGKAH".equals(village.path("pengantarRt").asText())) {
                    rtApprovesInTheChain.add(village.path("code").asText());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The village catalogue " + location + " cannot be read", e);
        }
    }

    /** Whether this document must come with a request from this village. */
    boolean requires(String villageCode, String kind) {
        return !(COVER_LETTER.equals(kind) && rtApprovesInTheChain.contains(villageCode));
    }
}
