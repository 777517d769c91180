package id.desaflow.identity;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second instance on the same MongoDB and key directory stands for identity after a restart: it knows nothing
 * the first one kept in memory. Sign-ins happen on the first instance BEFORE the second starts.
 */
@IdentityServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestartTest {

    private static final String PASSWORD = "Desa-Beji-2026!";

    @LocalServerPort
    int port;
    @Autowired
    Environment env;

    private String jwksBefore;
    private String adminTokenBefore;
    private JsonNode portalTokens;
    private JsonNode toRevoke;
    private JsonNode toRemove;
    private JsonNode toSignOut;
    private ConfigurableApplicationContext restarted;
    private int restartedPort;

    @BeforeAll
    void signInThenRestart() throws Exception {
        jwksBefore = new Browser(port).get("/oauth2/jwks").body();
        adminTokenBefore = new Browser(port).tokensFor("/login", "admin.sempu", PASSWORD).get("access_token").asText();
        portalTokens = new Browser(port).tokensFor(Browser.PORTAL, "/login", "kades.beji", PASSWORD);
        toRevoke = new Browser(port).tokensFor(Browser.PORTAL, "/login", "operator.beji", PASSWORD);
        toRemove = new Browser(port).tokensFor(Browser.PORTAL, "/login/warga", "3309010210740043", "135790");
        toSignOut = new Browser(port).tokensFor(Browser.PORTAL, "/login", "sekdes.beji", PASSWORD);
        restarted = new SpringApplicationBuilder(IdentityApplication.class).run(
                "--server.port=0",
                "--spring.data.mongodb.uri=" + env.getProperty("spring.data.mongodb.uri"),
                "--spring.kafka.bootstrap-servers=" + env.getProperty("spring.kafka.bootstrap-servers"),
                "--desaflow.identity.key-dir=" + env.getProperty("desaflow.identity.key-dir"),
                "--desaflow.outbox.collections=",
                "--logging.structured.format.console=");
        restartedPort = ((WebServerApplicationContext) restarted).getWebServer().getPort();
    }

    @AfterAll
    void stop() {
        if (restarted != null) {
            restarted.close();
        }
    }

    @Test
    void theRestartedInstanceServesTheSameKeySoIssuedTokensStayValid() throws Exception {
        assertThat(new Browser(restartedPort).get("/oauth2/jwks").body()).isEqualTo(jwksBefore).contains("\"kid\"");
        // a token issued before the restart still opens the restarted instance's API
        HttpResponse<String> officials = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + restartedPort + "/api/v1/officials?village=3309012005"))
                .header("Authorization", "Bearer " + adminTokenBefore).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(officials.statusCode()).as(officials.body()).isEqualTo(200);
        assertThat(officials.body()).contains("sekdes.sempu");
    }

    @Test
    void thePortalsRefreshTokenFromBeforeTheRestartStillGivesANewAccessToken() throws Exception {
        Browser portal = new Browser(restartedPort);
        JsonNode refreshed = portal.refresh(Browser.PORTAL, portalTokens.get("refresh_token").asText());
        JsonNode access = Browser.claims(refreshed.get("access_token").asText());
        assertThat(access.get("sub").asText()).isEqualTo("demo-beji-kades");
        assertThat(access.get("roles").toString()).isEqualTo("[\"kades\"]");
        assertThat(refreshed.get("access_token").asText()).isNotEqualTo(portalTokens.get("access_token").asText());
        // refresh tokens are not reused: the new one works (on either instance), the old one is spent
        assertThat(new Browser(port).refresh(Browser.PORTAL, refreshed.get("refresh_token").asText())
                .get("access_token").asText()).isNotBlank();
        assertThat(portal.tryRefresh(Browser.PORTAL, portalTokens.get("refresh_token").asText()).statusCode())
                .isEqualTo(400);
    }

    @Test
    void userInfoIntrospectionAndSignOutKnowTheTokensFromBeforeTheRestart() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://localhost:" + restartedPort;
        HttpResponse<String> userInfo = http.send(HttpRequest.newBuilder(URI.create(base + "/userinfo"))
                .header("Authorization", "Bearer " + toSignOut.get("access_token").asText()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(userInfo.statusCode()).as(userInfo.body()).isEqualTo(200);
        assertThat(userInfo.body()).contains("\"sub\":\"demo-beji-sekdes\"");
        HttpResponse<String> introspection = new Browser(restartedPort).introspect(Browser.PORTAL,
                toSignOut.get("access_token").asText());
        assertThat(introspection.body()).contains("\"active\":true", "\"client_id\":\"portal\"");
        // the portal's "Keluar": the ID token from before the restart names the sign-in to end
        HttpResponse<String> signOut = new Browser(restartedPort).get("/connect/logout?id_token_hint="
                + toSignOut.get("id_token").asText() + "&post_logout_redirect_uri=http://localhost:8080/");
        assertThat(signOut.statusCode()).as(signOut.body()).isEqualTo(302);
        assertThat(Browser.location(signOut)).isEqualTo("http://localhost:8080/");
    }

    @Test
    void aRefreshTokenRevokedAfterTheRestartNoLongerRefreshes() throws Exception {
        Browser portal = new Browser(restartedPort);
        String refresh = toRevoke.get("refresh_token").asText();
        assertThat(portal.revoke(Browser.PORTAL, refresh).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = portal.tryRefresh(Browser.PORTAL, refresh);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("invalid_grant");
        assertThat(new Browser(port).tryRefresh(Browser.PORTAL, refresh).statusCode()).isEqualTo(400);
    }

    @Test
    void aRemovedAuthorizationNoLongerRefreshes() throws Exception {
        String refresh = toRemove.get("refresh_token").asText();
        OAuth2AuthorizationService store = restarted.getBean(OAuth2AuthorizationService.class);
        store.remove(store.findByToken(refresh, OAuth2TokenType.REFRESH_TOKEN));
        HttpResponse<String> refused = new Browser(restartedPort).tryRefresh(Browser.PORTAL, refresh);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("invalid_grant");
    }
}
