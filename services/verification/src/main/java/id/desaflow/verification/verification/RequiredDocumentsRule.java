package id.desaflow.verification.verification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.desaflow.contracts.events.CheckResult;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * lampiran-wajib: every document the catalogue marks required for the letter type is there — uploaded, or brought
 * to the counter on paper. Read from the shared catalogue ({@code workflows/catalogue/letter-types.json}), so the
 * form and the check never disagree. A missing document is the resident's to add: the request goes back for
 * revision, naming the documents.
 */
@Component
class RequiredDocumentsRule implements VerificationRule {
    static final String CODE = "lampiran-wajib";

    /** letter type -> required document kind -> its label, in catalogue order. */
    private final Map<String, Map<String, String>> required = new LinkedHashMap<>();

    RequiredDocumentsRule(ObjectMapper json) {
        try (InputStream in = new ClassPathResource("catalogue/letter-types.json").getInputStream()) {
            for (JsonNode type : json.readTree(in).path("letterTypes")) {
                Map<String, String> documents = new LinkedHashMap<>();
                for (JsonNode attachment : type.path("attachments")) {
                    if (attachment.path("required").asBoolean(false)) {
                        documents.put(attachment.path("kind").asText(), attachment.path("label").asText());
                    }
                }
                required.put(type.path("code").asText(), documents);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The letter-type catalogue cannot be read", e);
        }
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public boolean needsResident() {
        return false;
    }

    @Override
    public Outcome onFailure() {
        return Outcome.NEEDS_REVISION;
    }

    @Override
    public CheckResult check(Facts facts) {
        Submission submission = facts.submission();
        List<String> missing = required.getOrDefault(submission.letterType(), Map.of()).entrySet().stream()
                .filter(e -> !submission.documents().contains(e.getKey())).map(Map.Entry::getValue).toList();
        return missing.isEmpty() ? pass("Dokumen wajib lengkap.")
                : fail("Dokumen wajib belum ada: " + String.join(", ", missing) + ". Unggah fotonya atau bawa ke "
                        + "kantor desa.");
    }
}
