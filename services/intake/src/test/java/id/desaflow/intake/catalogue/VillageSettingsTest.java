package id.desaflow.intake.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import id.desaflow.intake.Catalogue;
import id.desaflow.intake.ServiceTestSupport;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** A village administrator switches letter types on and off; who did it and when is kept. */
class VillageSettingsTest extends ServiceTestSupport {
    private static final String BDN = "surat-keterangan-beda-nama";
    private static final String ADMIN = "desa:" + BEJI + ":admin-desa";

    @Test
    void anAdministratorSwitchesALetterTypeOffAndOnAgain() {
        assertThat(codes(get("/api/v1/letter-types?village=" + BEJI).json())).hasSize(14).contains(BDN);
        try {
            Response off = put("/api/v1/villages/" + BEJI + "/letter-types/" + BDN, "{\"enabled\":false}",
                    "X-DesaFlow-User", "admin-beji", "X-DesaFlow-Groups", ADMIN);

            assertThat(off.status()).as(off.body()).isEqualTo(200);
            assertThat(off.get("enabled").asBoolean()).isFalse();
            assertThat(off.get("changedBy").asText()).isEqualTo("admin-beji");
            assertThat(codes(get("/api/v1/letter-types?village=" + BEJI).json())).hasSize(13).doesNotContain(BDN);
            assertThat(codes(get("/api/v1/villages/" + BEJI).get("enabledLetterTypes"))).doesNotContain(BDN);
            JsonNode type = Catalogue.letterType(BDN);
            Response refused = postMultipart("/api/v1/requests", toJson(Map.of("letterType", BDN, "villageCode", BEJI,
                    "applicant", Map.of("nik", nextNik(), "name", "Sri"), "data", Catalogue.validData(type))),
                    List.of());
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.get("errors").toString()).contains("belum dilayani oleh Desa Beji");
        } finally {
            Response on = put("/api/v1/villages/" + BEJI + "/letter-types/" + BDN, "{\"enabled\":true}",
                    "X-DesaFlow-User", "admin-beji-2", "X-DesaFlow-Groups", "desa:" + BEJI + ":kades," + ADMIN);
            assertThat(on.status()).isEqualTo(200);
        }
        assertThat(codes(get("/api/v1/letter-types?village=" + BEJI).json())).hasSize(14);
        JsonNode audit = get("/api/v1/villages/" + BEJI + "/letter-types/audit", "X-DesaFlow-Groups", ADMIN).json();
        assertThat(audit.get(0).get("actor").asText()).isEqualTo("admin-beji-2");
        assertThat(audit.get(0).get("enabled").asBoolean()).isTrue();
        assertThat(audit.get(1).get("actor").asText()).isEqualTo("admin-beji");
        assertThat(audit.get(1).get("letterType").asText()).isEqualTo(BDN);
        assertThat(audit.get(1).get("at").asText()).isNotBlank();
        JsonNode admin = get("/api/v1/villages/" + BEJI + "/letter-types").json();
        assertThat(StreamSupport.stream(admin.spliterator(), false).filter(o -> o.get("code").asText().equals(BDN))
                .findFirst().orElseThrow().get("changedBy").asText()).isEqualTo("admin-beji-2");
    }

    @Test
    void onlyTheVillagesAdministratorsMaySwitch() {
        for (String[] headers : List.of(new String[] {"X-DesaFlow-User", "warga"},
                new String[] {"X-DesaFlow-Groups", "desa:" + BEJI + ":kades"},
                new String[] {"X-DesaFlow-Groups", "desa:3309012005:admin-desa"})) {
            Response response = put("/api/v1/villages/" + BEJI + "/letter-types/" + BDN, "{\"enabled\":false}",
                    headers);
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        // the history is for the village's own people: an official of another village is refused
        assertThat(download("/api/v1/villages/" + BEJI + "/letter-types/audit", "X-DesaFlow-User", "kades-sempu",
                "X-DesaFlow-Groups", "desa:3309012005:kades").status()).isEqualTo(403);
        assertThat(codes(get("/api/v1/letter-types?village=" + BEJI).json())).contains(BDN);
    }

    @Test
    void badSwitchesAreRefused() {
        String[] admin = {"X-DesaFlow-Groups", ADMIN};
        assertThat(put("/api/v1/villages/" + BEJI + "/letter-types/" + BDN, "{}", admin).status()).isEqualTo(400);
        assertThat(put("/api/v1/villages/" + BEJI + "/letter-types/" + BDN, "{\"enabled\":\"mungkin\"}", admin)
                .status()).isEqualTo(400);
        assertThat(put("/api/v1/villages/" + BEJI + "/letter-types/surat-sakti", "{\"enabled\":true}", admin)
                .status()).isEqualTo(404);
        assertThat(put("/api/v1/villages/3309012099/letter-types/" + BDN, "{\"enabled\":true}", admin).status())
                .isEqualTo(404);
        assertThat(get("/api/v1/letter-types?village=3309012099").status()).isEqualTo(404);
    }

    private Response put(String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    private Response get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    private static List<String> codes(JsonNode types) {
        return StreamSupport.stream(types.spliterator(), false)
                .map(t -> t.isTextual() ? t.asText() : t.get("code").asText()).toList();
    }
}
