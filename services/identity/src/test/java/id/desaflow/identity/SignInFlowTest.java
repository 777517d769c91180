package id.desaflow.identity;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

@IdentityServiceTest
class SignInFlowTest {

    @LocalServerPort
    int port;

    @Test
    void officialSignsInWithPkceAndGetsVillageRolesAndDusun() throws Exception {
        JsonNode tokens = new Browser(port).tokensFor("/login", "kadus-bulu.beji", "Desa-Beji-2026!");
        JsonNode access = Browser.claims(tokens.get("access_token").asText());
        assertThat(access.get("village").asText()).isEqualTo("3309012004");
        assertThat(access.get("roles").toString()).isEqualTo("[\"kadus\"]");
        assertThat(access.get("dusun").asText()).isEqualTo("Bulu");
        assertThat(access.get("name").asText()).isEqualTo("Teguh Santoso");
        assertThat(access.get("sub").asText()).isEqualTo("demo-beji-kadus-bulu");
        assertThat(access.has("nik")).isFalse();
        JsonNode id = Browser.claims(tokens.get("id_token").asText());
        assertThat(id.get("village").asText()).isEqualTo("3309012004");
    }

    @Test
    void residentSignsInWithNikAndPinAndGetsNikClaim() throws Exception {
        JsonNode tokens = new Browser(port).tokensFor("/login/warga", "3309016108790002", "246810");
        JsonNode access = Browser.claims(tokens.get("access_token").asText());
        assertThat(access.get("nik").asText()).isEqualTo("3309016108790002");
        assertThat(access.get("roles").toString()).isEqualTo("[\"warga\"]");
        assertThat(access.get("village").asText()).isEqualTo("3309012004");
    }

    @Test
    void kecamatanAdminCarriesKecamatanAndItsVillages() throws Exception {
        JsonNode access = Browser.claims(new Browser(port).tokensFor("/login", "admin.andong", "Desa-Beji-2026!")
                .get("access_token").asText());
        assertThat(access.get("kecamatan").asText()).isEqualTo("330901");
        assertThat(access.get("villages").toString()).isEqualTo("[\"3309012004\",\"3309012005\"]");
        assertThat(access.has("village")).isFalse();
    }

    @Test
    void wrongPinGoesBackToTheWargaPageWithoutTheNikInTheUrl() throws Exception {
        HttpResponse<String> failed = new Browser(port).signIn("/login/warga", "3309010210740043", "000000");
        assertThat(failed.statusCode()).isEqualTo(302);
        assertThat(Browser.location(failed)).endsWith("/login/warga?error=invalid").doesNotContain("3309010210740043");
    }

    @Test
    void loginPagesAreIndonesianAndLabelled() throws Exception {
        HttpResponse<String> page = new Browser(port).get("/login/warga");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("lang=\"id\"", "<label for=\"username\">NIK", "<label for=\"password\">PIN");
    }

    @Test
    void portalClientUsesPkceAndRefreshesWithTheSameClaims() throws Exception {
        Browser browser = new Browser(port);
        JsonNode tokens = browser.tokensFor(Browser.PORTAL, "/login", "sekdes.beji", "Desa-Beji-2026!");
        assertThat(tokens.get("refresh_token").asText()).isNotBlank();
        JsonNode id = Browser.claims(tokens.get("id_token").asText());
        assertThat(id.get("aud").toString()).contains("portal");
        assertThat(id.get("roles").toString()).isEqualTo("[\"sekdes\"]");
        assertThat(id.get("name").asText()).isEqualTo("Sri Lestari");
        JsonNode refreshed = browser.refresh(Browser.PORTAL, tokens.get("refresh_token").asText());
        JsonNode access = Browser.claims(refreshed.get("access_token").asText());
        assertThat(access.get("village").asText()).isEqualTo("3309012004");
        assertThat(access.get("sub").asText()).isEqualTo("demo-beji-sekdes");
        assertThat(refreshed.get("access_token").asText()).isNotEqualTo(tokens.get("access_token").asText());
    }

    @Test
    void aCodeIsRedeemedOnceAndReplayingItVoidsTheTokensItGave() throws Exception {
        Browser browser = new Browser(port);
        String verifier = Browser.verifier();
        String code = browser.codeFor(Browser.PORTAL, "/login", "kasi-pemerintahan.beji", "Desa-Beji-2026!", verifier);
        HttpResponse<String> first = browser.redeem(Browser.PORTAL, code, verifier);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        HttpResponse<String> replay = browser.redeem(Browser.PORTAL, code, verifier);
        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(replay.body()).contains("invalid_grant");
        String refresh = new com.fasterxml.jackson.databind.ObjectMapper().readTree(first.body())
                .get("refresh_token").asText();
        assertThat(browser.tryRefresh(Browser.PORTAL, refresh).statusCode()).as("the code was replayed").isEqualTo(400);
    }

    @Test
    void anAuthorizationRequestWithoutPkceGetsNoCode() throws Exception {
        Browser browser = new Browser(port);
        browser.signIn("/login", "kades.beji", "Desa-Beji-2026!");
        HttpResponse<String> response = browser.get("/oauth2/authorize?response_type=code&client_id=portal"
                + "&scope=openid&state=s1&redirect_uri=http://localhost:8080/login/oauth2/code/desaflow");
        String where = response.headers().firstValue("Location").orElse("");
        assertThat(where).doesNotContain("code=").contains("error=invalid_request");
    }

    @Test
    void jwksIsPublished() throws Exception {
        HttpResponse<String> jwks = new Browser(port).get("/oauth2/jwks");
        assertThat(jwks.statusCode()).isEqualTo(200);
        assertThat(jwks.body()).contains("\"kty\":\"RSA\"").doesNotContain("\"d\":");
    }
}
