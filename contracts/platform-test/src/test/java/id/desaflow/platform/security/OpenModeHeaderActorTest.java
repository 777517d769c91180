package id.desaflow.platform.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Without an issuer the headers name the actor, so the services' own rules run the same way in local mode. */
@SpringBootTest(classes = KitTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.application.name=kit-open", "logging.structured.format.console="})
class OpenModeHeaderActorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void officialFromGroups() throws Exception {
        HttpResponse<String> response = get("/api/v1/me", "kadus-1",
                "desa:3309012004:kadus,desa:3309012004:kadus:bandung-kidul");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode me = JSON.readTree(response.body());
        assertThat(me.get("sub").asText()).isEqualTo("kadus-1");
        assertThat(me.get("village").asText()).isEqualTo("3309012004");
        assertThat(me.get("roles").toString()).isEqualTo("[\"kadus\"]");
        assertThat(me.get("candidateGroups").toString())
                .isEqualTo("[\"desa:3309012004:kadus\",\"desa:3309012004:kadus:bandung-kidul\"]");
        assertThat(me.get("relayable").asBoolean()).isFalse();
    }

    @Test
    void residentByNikGetsAnAccountIdNotTheNik() throws Exception {
        HttpResponse<String> response = get("/api/v1/me", "nik:3309016108790002", null);
        JsonNode me = JSON.readTree(response.body());
        assertThat(me.get("nik").asText()).isEqualTo("3309016108790002");
        assertThat(me.get("sub").asText()).startsWith("warga-").doesNotContain("3309016108790002");
        assertThat(me.get("roles").toString()).isEqualTo("[\"warga\"]");
    }

    @Test
    void groupsOfAnotherVillageOrUnknownRolesAreIgnored() throws Exception {
        HttpResponse<String> response = get("/api/v1/me", "x",
                "desa:3309012004:sekdes,desa:3309012005:kades,desa:3309012004:superuser,garbage");
        JsonNode me = JSON.readTree(response.body());
        assertThat(me.get("roles").toString()).isEqualTo("[\"sekdes\"]");
    }

    @Test
    void villageAdministrationFollowsTheHeaders() throws Exception {
        assertThat(get("/api/v1/villages/3309012004/settings", "adm", "desa:3309012004:admin-desa").statusCode())
                .isEqualTo(200);
        assertThat(get("/api/v1/villages/3309012005/settings", "adm", "desa:3309012004:admin-desa").statusCode())
                .isEqualTo(403);
    }

    private HttpResponse<String> get(String path, String user, String groups) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (user != null) {
            request.header(HeaderActorFilter.USER_HEADER, user);
        }
        if (groups != null) {
            request.header(HeaderActorFilter.GROUPS_HEADER, groups);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
