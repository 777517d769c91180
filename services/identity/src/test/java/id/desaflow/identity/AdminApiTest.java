package id.desaflow.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.desaflow.contracts.events.EventType;
import id.desaflow.contracts.events.OfficialChanged;
import id.desaflow.contracts.events.Topics;
import id.desaflow.platform.security.Actor;
import id.desaflow.platform.security.Roles;
import id.desaflow.platform.test.EventRecorder;
import id.desaflow.platform.test.security.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@IdentityServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminApiTest {

    private static final String PASSWORD = "Desa-Beji-2026!";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, String> tokens = new HashMap<>();

    @LocalServerPort
    int port;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @BeforeAll
    void signIn() throws Exception {
        for (String user : new String[] {"admin.beji", "admin.sempu", "admin.andong", "sekdes.beji", "operator.beji"}) {
            tokens.put(user, new Browser(port).tokensFor("/login", user, PASSWORD).get("access_token").asText());
        }
        tokens.put("warga", new Browser(port).tokensFor("/login/warga", "3309016108790002", "246810")
                .get("access_token").asText());
    }

    private HttpResponse<String> call(String method, String path, String user, Object body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (user != null) {
            b.header("Authorization", "Bearer " + tokens.get(user));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Object> official(String username, String village) {
        return Map.of("username", username, "name", "Petugas Baru", "village", village,
                "roles", java.util.List.of("operator"), "email", username + "@beji.desa.id");
    }

    @Test
    void onlyAdminsOfTheVillageOrItsKecamatanCreateOfficials() throws Exception {
        assertThat(call("POST", "/api/v1/officials", null, official("anon.beji", "3309012004")).statusCode())
                .isEqualTo(401);
        assertThat(call("POST", "/api/v1/officials", "sekdes.beji", official("x1.beji", "3309012004")).statusCode())
                .isEqualTo(403);
        assertThat(call("POST", "/api/v1/officials", "warga", official("x2.beji", "3309012004")).statusCode())
                .isEqualTo(403);
        assertThat(call("POST", "/api/v1/officials", "admin.sempu", official("x3.beji", "3309012004")).statusCode())
                .isEqualTo(403);
        assertThat(call("POST", "/api/v1/officials", "admin.andong", official("kec.beji", "3309012004"))
                .statusCode()).isEqualTo(201);
        assertThat(call("POST", "/api/v1/officials", "admin.andong", official("kec.lain", "3309022001"))
                .statusCode()).isEqualTo(403);
        HttpResponse<String> list = call("GET", "/api/v1/officials?village=3309012004", "admin.beji", null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("kec.beji", "kades.beji").doesNotContain("sekdes.sempu");
        assertThat(call("GET", "/api/v1/officials?village=3309012004", "admin.sempu", null).statusCode())
                .isEqualTo(403);
    }

    @Test
    void creatingAndReassigningPublishesOfficialChangedAndIsAudited() throws Exception {
        HttpResponse<String> created = call("POST", "/api/v1/officials", "admin.beji", official("baru.beji", "3309012004"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode issued = JSON.readTree(created.body());
        String id = issued.get("id").asText();
        assertThat(issued.get("secret").asText()).hasSize(12);
        // another village's admin cannot even see that the account exists
        assertThat(call("PUT", "/api/v1/officials/" + id + "/roles", "admin.sempu",
                Map.of("roles", java.util.List.of("kades"))).statusCode()).isEqualTo(404);
        HttpResponse<String> assigned = call("PUT", "/api/v1/officials/" + id + "/roles", "admin.beji",
                Map.of("roles", java.util.List.of("kadus"), "dusun", "Candi"));
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
        assertThat(call("PUT", "/api/v1/officials/" + id + "/roles", "admin.beji",
                Map.of("roles", java.util.List.of("kadus"))).body()).contains("\"field\":\"dusun\"");

        try (EventRecorder events = new EventRecorder(brokers, Topics.IDENTITY_OFFICIALS)) {
            events.await(e -> e.is(EventType.OFFICIAL_CHANGED)
                    && e.payload(OfficialChanged.class).userId().equals(id)
                    && "Candi".equals(e.payload(OfficialChanged.class).dusun()));
            OfficialChanged first = events.events().stream().filter(e -> id.equals(e.subject()))
                    .map(e -> e.payload(OfficialChanged.class)).findFirst().orElseThrow();
            assertThat(first.roles()).containsExactly("operator");
            assertThat(events.contractViolations()).isEmpty();
        }
        HttpResponse<String> audit = call("GET", "/api/v1/audit/users/" + id, "admin.beji", null);
        assertThat(audit.body()).contains("official-created", "roles-assigned", "demo-beji-admin");
        assertThat(call("GET", "/api/v1/audit/users/" + id, "admin.sempu", null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/audit/users/" + id, "sekdes.beji", null).statusCode()).isEqualTo(403);
    }

    @Test
    void aDeactivatedOfficialCanNoLongerSignIn() throws Exception {
        HttpResponse<String> created = call("POST", "/api/v1/officials", "admin.beji", official("pensiun.beji", "3309012004"));
        JsonNode issued = JSON.readTree(created.body());
        Browser portal = new Browser(port);
        JsonNode signedIn = portal.tokensAfterFirstSignIn(Browser.PORTAL, "pensiun.beji",
                issued.get("secret").asText(), "Pensiun-2026-sandi");
        assertThat(call("POST", "/api/v1/officials/" + issued.get("id").asText() + "/deactivation", "admin.andong", null)
                .body()).contains("\"active\":false");
        assertThat(Browser.location(new Browser(port).signIn("/login", "pensiun.beji", "Pensiun-2026-sandi")))
                .endsWith("/login?error=invalid");
        // the portal's sign-in ends too: its refresh token no longer gives access tokens
        assertThat(portal.tryRefresh(Browser.PORTAL, signedIn.get("refresh_token").asText()).statusCode())
                .isEqualTo(400);
    }

    @Test
    void aPasswordResetIsShownOnceEndsTheSignInsLiftsTheLockAndMustBeReplaced() throws Exception {
        JsonNode issued = JSON.readTree(call("POST", "/api/v1/officials", "admin.beji",
                official("lupa.beji", "3309012004")).body());
        String id = issued.get("id").asText();
        Browser portal = new Browser(port);
        JsonNode signedIn = portal.tokensAfterFirstSignIn(Browser.PORTAL, "lupa.beji", issued.get("secret").asText(),
                "Lupa-Sandi-2026");
        for (int i = 0; i < 5; i++) {
            new Browser(port).signIn("/login", "lupa.beji", "salah-" + i);
        }
        assertThat(Browser.location(new Browser(port).signIn("/login", "lupa.beji", "Lupa-Sandi-2026")))
                .endsWith("error=locked");

        String path = "/api/v1/officials/" + id + "/password-reset";
        assertThat(call("POST", path, "admin.sempu", null).statusCode()).isEqualTo(404);
        assertThat(call("POST", path, "sekdes.beji", null).statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/v1/officials/demo-warga-sri/password-reset", "admin.beji", null).statusCode())
                .as("residents get PINs at the counter, not passwords").isEqualTo(404);
        HttpResponse<String> reset = call("POST", path, "admin.beji", null);
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
        String secret = JSON.readTree(reset.body()).get("secret").asText();
        assertThat(secret).hasSize(12);

        assertThat(portal.tryRefresh(Browser.PORTAL, signedIn.get("refresh_token").asText()).statusCode())
                .as("the portal's sign-in ended").isEqualTo(400);
        assertThat(Browser.location(new Browser(port).signIn("/login", "lupa.beji", "Lupa-Sandi-2026")))
                .endsWith("/login?error=invalid");
        assertThat(new Browser(port).tokensAfterFirstSignIn("lupa.beji", secret, "Lupa-Lagi-2026")
                .get("access_token").asText()).isNotBlank();
        assertThat(call("GET", "/api/v1/audit/users/" + id, "admin.beji", null).body())
                .contains("\"action\":\"password-issued\"", "\"actorId\":\"demo-beji-admin\"")
                .doesNotContain(secret);
    }

    @Test
    void signInsAreAuditedWithTheClientAddress() throws Exception {
        HttpResponse<String> audit = call("GET", "/api/v1/audit/users/demo-beji-sekdes", "admin.beji", null);
        assertThat(audit.statusCode()).isEqualTo(200);
        assertThat(audit.body()).contains("\"action\":\"sign-in\"", "127.0.0.1");
    }

    @Test
    void counterPinIssueIsForTheVillagesOperatorAndAdministratorsOnly() throws Exception {
        Map<String, Object> resident = Map.of("nik", "3309016204850003", "name", "Painem", "village", "3309012004",
                "phone", "081298765432");
        assertThat(call("POST", "/api/v1/residents/pin-reset", "warga", resident).statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/v1/residents/pin-reset", "sekdes.beji", resident).statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/v1/residents/pin-reset", "admin.sempu", resident).statusCode()).isEqualTo(403);
        HttpResponse<String> byOperator = call("POST", "/api/v1/residents/pin-reset", "operator.beji", resident);
        assertThat(byOperator.statusCode()).as(byOperator.body()).isEqualTo(200);
        String first = JSON.readTree(byOperator.body()).get("secret").asText();
        HttpResponse<String> byKecamatan = call("POST", "/api/v1/residents/pin-reset", "admin.andong", resident);
        assertThat(byKecamatan.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(byKecamatan.body()).get("id").asText())
                .isEqualTo(JSON.readTree(byOperator.body()).get("id").asText());
        // the first PIN is void once a new one is issued
        assertThat(Browser.location(new Browser(port).signIn("/login/warga", "3309016204850003", first)))
                .satisfiesAnyOf(l -> assertThat(l).endsWith("error=invalid"),
                        l -> assertThat(first).isEqualTo(JSON.readTree(byKecamatan.body()).get("secret").asText()));
        HttpResponse<String> audit = call("GET", "/api/v1/audit/users/" + JSON.readTree(byOperator.body()).get("id")
                .asText(), "admin.beji", null);
        assertThat(audit.body()).contains("pin-issued", "demo-beji-operator", "demo-andong-admin")
                .doesNotContain("3309016204850003", "081298765432");
        // a resident signed in on the portal is signed out by a new PIN from the counter
        Browser portal = new Browser(port);
        String counterPin = JSON.readTree(byKecamatan.body()).get("secret").asText();
        String refresh = portal.tokensAfterFirstSignIn(Browser.PORTAL, "3309016204850003", counterPin,
                counterPin.equals("524163") ? "524164" : "524163").get("refresh_token").asText();
        assertThat(call("POST", "/api/v1/residents/pin-reset", "operator.beji", resident).statusCode()).isEqualTo(200);
        assertThat(portal.tryRefresh(Browser.PORTAL, refresh).statusCode()).isEqualTo(400);
        assertThat(call("POST", "/api/v1/residents/pin-reset", "operator.beji",
                Map.of("nik", "12", "village", "3309012004", "phone", "x")).body())
                .contains("\"nik\"", "\"phone\"");
    }

    @Test
    void tokensFromAnotherKeyOrWithAForgedVillageAre401Problems() throws Exception {
        Actor forged = Actor.official("demo-beji-admin", "Admin Desa Beji", "3309012004",
                java.util.Set.of(Roles.ADMIN_DESA), null);
        for (String token : new String[] {TestTokens.shared().token(forged), "garbage"}) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/v1/officials?village=3309012004")).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.headers().firstValue("WWW-Authenticate").orElse("")).contains("invalid_token");
        }
        HttpResponse<String> anonymous = call("GET", "/api/v1/officials?village=3309012004", null, null);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void aDeactivatedAdministratorLosesTheApiAtOnceThoughTheTokenIsStillValid() throws Exception {
        HttpResponse<String> created = call("POST", "/api/v1/officials", "admin.andong",
                Map.of("username", "admin2.beji", "name", "Admin Kedua", "village", "3309012004",
                        "roles", java.util.List.of("admin-desa")));
        JsonNode issued = JSON.readTree(created.body());
        tokens.put("admin2", new Browser(port).tokensAfterFirstSignIn("admin2.beji", issued.get("secret").asText(),
                "Admin-Kedua-2026").get("access_token").asText());
        assertThat(call("GET", "/api/v1/officials?village=3309012004", "admin2", null).statusCode()).isEqualTo(200);
        call("POST", "/api/v1/officials/" + issued.get("id").asText() + "/deactivation", "admin.beji", null);
        assertThat(call("GET", "/api/v1/officials?village=3309012004", "admin2", null).statusCode()).isEqualTo(403);
    }

    @Test
    void badInputIsA400NamingEachField() throws Exception {
        HttpResponse<String> bad = call("POST", "/api/v1/officials", "admin.beji",
                Map.of("username", "X", "village", "12", "roles", java.util.List.of("raja")));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"username\"", "\"name\"", "\"village\"", "\"roles\"");
    }
}
