package id.desaflow.intake.request;

import com.fasterxml.jackson.databind.JsonNode;
import id.desaflow.intake.ServiceTestSupport;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 6: a village chooses how the RT/RW cover letter comes in (workflows/catalogue/villages.json). Desa Beji asks
 * for it as a document; in Desa Sempu the ketua RT approves in the chain instead, so the document is optional there.
 */
class PengantarRtTest extends ServiceTestSupport {
    private static final String SEMPU = "3309012005";

    @Test
    void whereTheRtApprovesInTheChainTheCoverLetterIsOptional() {
        List<FilePart> ktpOnly = List.of(skuFiles().get(0));
        Map<String, Object> sempu = new HashMap<>(validSubmission("Warga Sempu"));
        sempu.put("villageCode", SEMPU);
        Response accepted = postMultipart("/api/v1/requests", toJson(sempu), ktpOnly, "X-DesaFlow-User",
                "operator.sempu", "X-DesaFlow-Groups", "desa:" + SEMPU + ":operator");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);

        Response refused = postMultipart("/api/v1/requests", toJson(validSubmission("Warga Beji")), ktpOnly);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"pengantar-rt\"");
    }

    @Test
    void eachVillagesFormSaysWhetherTheCoverLetterIsRequired() {
        assertThat(coverLetterRequired(SEMPU)).isFalse();
        assertThat(coverLetterRequired(BEJI)).isTrue();
    }

    private boolean coverLetterRequired(String village) {
        JsonNode types = get("/api/v1/letter-types?village=" + village).json();
        JsonNode sku = StreamSupport.stream(types.spliterator(), false)
                .filter(t -> t.get("code").asText().equals(SKU)).findFirst().orElseThrow();
        return StreamSupport.stream(sku.get("attachments").spliterator(), false)
                .filter(a -> a.get("kind").asText().equals("pengantar-rt")).findFirst().orElseThrow()
                .get("required").asBoolean();
    }
}
