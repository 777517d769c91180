package id.desaflow.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

@IdentityServiceTest
class AccountProtectionTest {

    @LocalServerPort
    int port;

    @Test
    void fiveWrongPasswordsLockTheAccountEvenForTheRightPassword() throws Exception {
        // browsers reach identity directly: an address the client claims is neither audited nor rate-limited on
        Browser browser = Browser.claiming(port, "203.0.113.7");
        for (int i = 0; i < 5; i++) {
            assertThat(Browser.location(browser.signIn("/login", "rw.beji", "salah-" + i))).endsWith("error=invalid");
        }
        assertThat(Browser.location(browser.signIn("/login", "rw.beji", "Desa-Beji-2026!")))
                .endsWith("/login?error=locked");
        String admin = new Browser(port).tokensFor("/login", "admin.beji", "Desa-Beji-2026!").get("access_token")
                .asText();
        HttpResponse<String> audit = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + "/api/v1/audit/users/demo-beji-rw"))
                .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode records = new ObjectMapper().readTree(audit.body());
        assertThat(records.findValuesAsText("action").stream().filter("sign-in-failed"::equals)).hasSize(6);
        assertThat(records.findValuesAsText("detail")).contains("BadCredentialsException", "LockedException");
        assertThat(records.findValuesAsText("ip")).containsOnly("127.0.0.1");
    }

    @Test
    void residentsAreLockedOutToo() throws Exception {
        String pin = issuePin("3309014107880004", "Sumini");
        Browser browser = new Browser(port);
        for (int i = 0; i < 5; i++) {
            String wrong = String.format("%06d", (Integer.parseInt(pin) + 1 + i) % 1_000_000);
            assertThat(Browser.location(browser.signIn("/login/warga", "3309014107880004", wrong)))
                    .endsWith("/login/warga?error=invalid");
        }
        assertThat(Browser.location(browser.signIn("/login/warga", "3309014107880004", pin)))
                .endsWith("/login/warga?error=locked");
    }

    private String issuePin(String nik, String name) throws Exception {
        String admin = new Browser(port).tokensFor("/login", "admin.beji", "Desa-Beji-2026!").get("access_token")
                .asText();
        HttpResponse<String> issued = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/residents/pin-reset"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new ObjectMapper().writeValueAsString(
                        Map.of("nik", nik, "name", name, "village", "3309012004"))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        return new ObjectMapper().readTree(issued.body()).get("secret").asText();
    }

    @Test
    void counterIssuedPinMustBeChangedBeforeAnyTokenIsIssued() throws Exception {
        String pin = issuePin("3309014505800001", "Warsini");
        assertThat(pin).matches("\\d{6}");

        Browser browser = new Browser(port);
        HttpResponse<String> signedIn = browser.signIn("/login/warga", "3309014505800001", pin);
        assertThat(Browser.location(signedIn)).endsWith("/login/pin-baru");
        // not signed in yet: the authorization endpoint still sends to the login page
        assertThat(Browser.location(browser.get("/oauth2/authorize?response_type=code&client_id=desaflow-cli&scope=openid"
                + "&redirect_uri=http://127.0.0.1:8765/callback&code_challenge=" + "a".repeat(43)
                + "&code_challenge_method=S256")))
                .endsWith("/login");
        HttpResponse<String> form = browser.get("/login/pin-baru");
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(csrf.find()).isTrue();
        assertThat(Browser.location(browser.postForm("/login/pin-baru",
                Map.of("_csrf", csrf.group(1), "pin", pin, "pin2", pin)))).endsWith("error=pin");
        String newPin = pin.equals("482913") ? "482914" : "482913";
        assertThat(browser.postForm("/login/pin-baru", Map.of("_csrf", csrf.group(1), "pin", newPin, "pin2", newPin))
                .statusCode()).isEqualTo(302);

        JsonNode tokens = new Browser(port).tokensFor("/login/warga", "3309014505800001", newPin);
        assertThat(Browser.claims(tokens.get("access_token").asText()).get("nik").asText())
                .isEqualTo("3309014505800001");
    }
}
