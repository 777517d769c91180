package id.desaflow.platform.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.desaflow.platform.test.security.TestActors;
import id.desaflow.platform.test.security.TestTokenIssuer;
import id.desaflow.platform.test.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static id.desaflow.platform.test.security.TestActors.VILLAGE_X;
import static id.desaflow.platform.test.security.TestActors.VILLAGE_Y;
import static org.assertj.core.api.Assertions.assertThat;

/** The kit in a running service over real HTTP, with tokens validated against TestTokens' JWKS. */
@SpringBootTest(classes = KitTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.application.name=kit-test",
        "desaflow.security.public-paths=GET /api/v1/public/**",
        "logging.structured.format.console="})
@TestTokenIssuer
@AutoConfigureObservability // the Prometheus endpoint exists in tests only with it
class ResourceServerKitTest {
    private static final TestTokens TOKENS = TestTokens.shared();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBLEM = "application/problem+json";
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void anonymousCallerGets401ProblemWithBearerChallenge() throws Exception {
        HttpResponse<String> response = get("/api/v1/me", null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(PROBLEM);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                h -> assertThat(h).startsWith("Bearer"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asText()).isEqualTo("https://desaflow.id/problems/unauthenticated");
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.get("title").asText()).isEqualTo("Belum masuk");
    }

    @Test
    void residentTokenBecomesAResidentActor() throws Exception {
        HttpResponse<String> response = get("/api/v1/me", TOKENS.bearer(TestActors.residentA()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode me = JSON.readTree(response.body());
        assertThat(me.get("nik").asText()).isEqualTo(TestActors.RESIDENT_A_NIK);
        assertThat(me.get("village").asText()).isEqualTo(VILLAGE_X);
        assertThat(me.get("roles").toString()).isEqualTo("[\"warga\"]");
        assertThat(me.get("candidateGroups").size()).isZero();
        assertThat(me.get("sameAsActors").asBoolean()).isTrue();
        assertThat(me.get("relayable").asBoolean()).isTrue();
    }

    @Test
    void kadusWorksTheVillageAndTheDusunGroups() throws Exception {
        JsonNode me = JSON.readTree(get("/api/v1/me",
                TOKENS.bearer(TestActors.kadus(VILLAGE_X, "Bandung Kidul"))).body());
        assertThat(me.get("dusun").asText()).isEqualTo("Bandung Kidul");
        assertThat(me.get("candidateGroups").toString()).isEqualTo(
                "[\"desa:3309012004:kadus\",\"desa:3309012004:kadus:bandung-kidul\"]");
    }

    @Test
    void kecamatanAdminCarriesItsVillages() throws Exception {
        JsonNode me = JSON.readTree(get("/api/v1/me", TOKENS.bearer(TestActors.adminKecamatan())).body());
        assertThat(me.get("kecamatan").asText()).isEqualTo("330901");
        assertThat(me.get("villages").toString()).isEqualTo("[\"3309012004\",\"3309012005\"]");
        assertThat(me.has("village")).isFalse();
    }

    static Stream<String> refusedTokens() {
        TestTokens t = TOKENS;
        return Stream.of(
                t.forActor(TestActors.residentA()).expired().compact(),
                t.forActor(TestActors.residentA()).signedByForeignKey().compact(),
                t.forActor(TestActors.residentA()).issuer("https://sso.example.go.id").compact(),
                t.forActor(TestActors.residentA()).lifetime(null).compact(),
                t.forActor(TestActors.official(VILLAGE_X, Roles.KADES)).claim("village", "33090").compact(),
                t.forActor(TestActors.official(VILLAGE_X, Roles.KADES)).claim("village", "330901200A").compact(),
                t.forActor(TestActors.official(VILLAGE_X, Roles.KADES)).claim("village", 3309012004L).compact(),
                t.forActor(TestActors.official(VILLAGE_X, Roles.KADES)).claim("village", null).compact(),
                t.forActor(TestActors.official(VILLAGE_X, Roles.KADES)).claim("roles", "kades").compact(),
                t.forActor(TestActors.residentA()).claim("roles", List.of("warga", "kades")).compact(),
                t.forActor(TestActors.residentA()).claim("nik", null).compact(),
                t.forActor(TestActors.residentA()).claim("nik", "33090161087900").compact(),
                t.forActor(TestActors.official(VILLAGE_X, Roles.SEKDES)).claim("nik", TestActors.RESIDENT_A_NIK)
                        .compact(),
                t.forActor(TestActors.adminKecamatan()).claim("villages", List.of(VILLAGE_X, "3310012001"))
                        .compact(),
                t.forActor(TestActors.adminKecamatan()).claim("kecamatan", null).compact(),
                t.forActor(TestActors.residentA()).claim("sub", null).compact(),
                "not-a-jwt");
    }

    @ParameterizedTest
    @MethodSource("refusedTokens")
    void refusesBadTokensAsInvalidToken(String token) throws Exception {
        HttpResponse<String> response = get("/api/v1/me", "Bearer " + token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                h -> assertThat(h).contains("invalid_token"));
        assertThat(response.headers().firstValue("Content-Type")).hasValue(PROBLEM);
    }

    @Test
    void toleratesSmallClockSkewOnly() throws Exception {
        // expired 10 s ago: inside the 30 s skew; an hour ago is refused (above)
        String justExpired = TOKENS.forActor(TestActors.residentB()).expiredSince(Duration.ofSeconds(10)).compact();
        assertThat(get("/api/v1/me", "Bearer " + justExpired).statusCode()).isEqualTo(200);
        String expiredAMinuteAgo = TOKENS.forActor(TestActors.residentB()).expiredSince(Duration.ofMinutes(1))
                .compact();
        assertThat(get("/api/v1/me", "Bearer " + expiredAMinuteAgo).statusCode()).isEqualTo(401);
    }

    @Test
    void publicPathsAreAnonymousForTheirMethodOnly() throws Exception {
        HttpResponse<String> ping = get("/api/v1/public/ping", null);
        assertThat(ping.statusCode()).isEqualTo(200);
        assertThat(ping.body()).isEqualTo("pong anonymous");
        assertThat(get("/api/v1/public/ping", TOKENS.bearer(TestActors.residentB())).body())
                .isEqualTo("pong test-warga-b");
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(uri("/api/v1/public/ping"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(401);
    }

    @Test
    void healthPrometheusAndApiDocsStayAnonymous() throws Exception {
        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(200);
        assertThat(get("/v3/api-docs", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/metrics", null).statusCode()).isEqualTo(401);
    }

    @Test
    void roleRuleInTheControllerAnswers403ProblemNot500() throws Exception {
        HttpResponse<String> resident = get("/api/v1/signatures", TOKENS.bearer(TestActors.residentA()));
        assertThat(resident.statusCode()).isEqualTo(403);
        assertThat(resident.headers().firstValue("Content-Type")).hasValue(PROBLEM);
        assertThat(JSON.readTree(resident.body()).get("type").asText())
                .isEqualTo("https://desaflow.id/problems/forbidden");
        assertThat(get("/api/v1/signatures", TOKENS.bearer(TestActors.official(VILLAGE_Y, Roles.SEKDES)))
                .statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/signatures", TOKENS.bearer(TestActors.official(VILLAGE_X, Roles.KADES)))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void administratorsOnlyAdministerTheirVillages() throws Exception {
        String path = "/api/v1/villages/" + VILLAGE_X + "/settings";
        assertThat(get(path, TOKENS.bearer(TestActors.adminDesa(VILLAGE_X))).statusCode()).isEqualTo(200);
        assertThat(get(path, TOKENS.bearer(TestActors.adminKecamatan())).statusCode()).isEqualTo(200);
        assertThat(get(path, TOKENS.bearer(TestActors.adminDesa(VILLAGE_Y))).statusCode()).isEqualTo(403);
        assertThat(get(path, TOKENS.bearer(TestActors.official(VILLAGE_X, Roles.KADES))).statusCode())
                .isEqualTo(403);
        assertThat(get(path, TOKENS.bearer(TestActors.residentA())).statusCode()).isEqualTo(403);
        assertThat(get(path, null).statusCode()).isEqualTo(401);
    }

    @Test
    void keysAreFetchedOnceAndCachedNotPerRequest() throws Exception {
        get("/api/v1/me", TOKENS.bearer(TestActors.residentA()));
        int before = TOKENS.jwksRequests();
        for (int i = 0; i < 5; i++) {
            assertThat(get("/api/v1/me", TOKENS.bearer(TestActors.official(VILLAGE_X, Roles.OPERATOR)))
                    .statusCode()).isEqualTo(200);
        }
        assertThat(TOKENS.jwksRequests()).isEqualTo(before).isPositive();
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
