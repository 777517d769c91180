package id.desaflow.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** An official's first password comes from the administrator, who saw it: it must be replaced at first sign-in. */
@IdentityServiceTest
class FirstPasswordTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLI_AUTHORIZE = "/oauth2/authorize?response_type=code&client_id=desaflow-cli"
            + "&scope=openid&redirect_uri=http://127.0.0.1:8765/callback&code_challenge=" + "a".repeat(43)
            + "&code_challenge_method=S256";

    @LocalServerPort
    int port;

    /** The village admin adds an operator through the admin API: id and first password. */
    private JsonNode created(String username) throws Exception {
        String admin = new Browser(port).tokensFor("/login", "admin.beji", "Desa-Beji-2026!").get("access_token")
                .asText();
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/officials"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("username", username,
                        "name", "Rina Pembantu", "village", "3309012004", "roles", List.of("operator")))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body());
    }

    private HttpResponse<String> choose(Browser browser, String password, String again) throws Exception {
        return browser.submit("/login/sandi-baru", "/login/sandi-baru", Map.of("password", password,
                "password2", again));
    }

    private static String alert(HttpResponse<String> page) {
        Matcher m = Pattern.compile("<p role=\"alert\" class=\"error\">([^<]*)</p>").matcher(page.body());
        assertThat(m.find()).as("an alert on the page").isTrue();
        return m.group(1);
    }

    @Test
    void theFirstSignInOnlyOpensTheNewPasswordPageUntilAGoodOneIsChosen() throws Exception {
        JsonNode issued = created("pembantu1.beji");
        String first = issued.get("secret").asText();
        Browser browser = new Browser(port);
        assertThat(Browser.location(browser.signIn("/login", "pembantu1.beji", first))).endsWith("/login/sandi-baru");
        // not signed in: no code can be had yet
        assertThat(Browser.location(browser.get(CLI_AUTHORIZE))).endsWith("/login");

        HttpResponse<String> page = browser.get("/login/sandi-baru");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("lang=\"id\"", "<h1>Buat kata sandi baru</h1>",
                "<label for=\"password\">Kata sandi baru</label>", "<label for=\"password2\">Ulangi kata sandi baru",
                "Minimal 10 karakter, memuat huruf dan angka");

        Map<String, String> refusals = Map.of(
                "Pendek-1", "minimal 10 karakter",
                "TanpaAngkaSamaSekali", "huruf dan angka",
                "1234567890123", "huruf dan angka",
                "x-pembantu1.beji-2026", "nama pengguna");
        for (var refused : refusals.entrySet()) {
            HttpResponse<String> answer = choose(browser, refused.getKey(), refused.getKey());
            assertThat(answer.statusCode()).as(refused.getKey()).isEqualTo(400);
            assertThat(alert(answer)).contains(refused.getValue());
            assertThat(answer.body()).doesNotContain(refused.getKey());
        }
        HttpResponse<String> mismatch = choose(browser, "Sandi-Baru-2026", "Sandi-Baru-2027");
        assertThat(alert(mismatch)).contains("tidak sama");
        HttpResponse<String> reused = choose(browser, first, first);
        assertThat(reused.statusCode()).isEqualTo(400);
        assertThat(alert(reused)).contains("berbeda dari kata sandi dari admin");
        assertThat(Browser.location(browser.get(CLI_AUTHORIZE))).as("still not signed in").endsWith("/login");

        HttpResponse<String> chosen = choose(browser, "Sandi-Baru-2026", "Sandi-Baru-2026");
        assertThat(chosen.statusCode()).isEqualTo(302);
        // signed in now: the authorization request yields a code without another sign-in
        String code = Browser.location(browser.get(CLI_AUTHORIZE));
        assertThat(code).startsWith("http://127.0.0.1:8765/callback?code=");

        // from now on the chosen password signs in directly; the first one no longer does
        JsonNode access = Browser.claims(new Browser(port).tokensFor("/login", "pembantu1.beji", "Sandi-Baru-2026")
                .get("access_token").asText());
        assertThat(access.get("sub").asText()).isEqualTo(issued.get("id").asText());
        assertThat(access.get("roles").toString()).isEqualTo("[\"operator\"]");
        assertThat(Browser.location(new Browser(port).signIn("/login", "pembantu1.beji", first)))
                .endsWith("/login?error=invalid");
    }

    @Test
    void afterChoosingThePasswordTheSignInContinuesToTheClientThatAskedAndIsAudited() throws Exception {
        JsonNode issued = created("pembantu2.beji");
        JsonNode tokens = new Browser(port).tokensAfterFirstSignIn("pembantu2.beji", issued.get("secret").asText(),
                "Rina-Pembantu-2026");
        assertThat(Browser.claims(tokens.get("id_token").asText()).get("name").asText()).isEqualTo("Rina Pembantu");
        String admin = new Browser(port).tokensFor("/login", "admin.beji", "Desa-Beji-2026!").get("access_token")
                .asText();
        HttpResponse<String> audit = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + "/api/v1/audit/users/" + issued.get("id").asText()))
                .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(audit.body()).findValuesAsText("action"))
                .containsSubsequence("official-created", "sign-in", "password-changed");
    }

    @Test
    void theNewPasswordPageDoesNothingWithoutAPendingFirstSignIn() throws Exception {
        Browser browser = new Browser(port);
        HttpResponse<String> answer = choose(browser, "Sandi-Baru-2026", "Sandi-Baru-2026");
        assertThat(Browser.location(answer)).endsWith("/login");
        // a demo official (password listed in the README) signs in straight through, no new password asked
        assertThat(Browser.location(browser.signIn("/login", "kasi-pelayanan.beji", "Desa-Beji-2026!")))
                .doesNotContain("sandi-baru");
    }
}
