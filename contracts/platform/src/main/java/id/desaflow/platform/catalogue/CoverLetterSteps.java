package id.desaflow.platform.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.io.Resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;

/**
 * The villages whose ketua RT approves a request in the approval chain instead of signing a paper cover letter
 * ({@code "pengantarRt": "LANGKAH"} in the shared workflows/catalogue/villages.json). Read once by each service that
 * needs it: verification (the document is then not required) and approval (the chain starts with the RT).
 */
public final class CoverLetterSteps {
    /** The kind of document that is the RT/RW cover letter. */
    public static final String COVER_LETTER = "pengantar-rt";
    private final Set<String> rtApprovesInTheChain;

    private CoverLetterSteps(Set<String> villages) {
        this.rtApprovesInTheChain = Set.copyOf(villages);
    }

    public static CoverLetterSteps read(ObjectMapper json, Resource villagesJson) {
        Set<String> villages = new HashSet<>();
        try (InputStream in = villagesJson.getInputStream()) {
            for (JsonNode village : json.readTree(in).path("villages")) {
                if ("LANGKAH".equals(village.path("pengantarRt").asText())) {
                    villages.add(village.path("code").asText());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The village catalogue " + villagesJson + " cannot be read", e);
        }
        return new CoverLetterSteps(villages);
    }

    public boolean rtApprovesIn(String villageCode) {
        return rtApprovesInTheChain.contains(villageCode);
    }

    /** Whether this document must come with a request from this village. */
    public boolean requires(String villageCode, String kind) {
        return !(COVER_LETTER.equals(kind) && rtApprovesIn(villageCode));
    }
}
