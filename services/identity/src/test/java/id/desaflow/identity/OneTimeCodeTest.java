package id.desaflow.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resident sets a new PIN with a code sent to the registered contact; code requests are a few per minute. The
 * only class posting code requests in the shared context (its quota is per IP and all tests come from 127.0.0.1).
 */
@IdentityServiceTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class OneTimeCodeTest {
    private static final String SRI = "3309016108790002";

    @LocalServerPort
    int port;

    @Test
    @Order(1)
    void codeFromTheRegisteredContactLetsTheResidentChooseANewPin(CapturedOutput output) throws Exception {
        IdentityServiceTest.CodeMailbox.LAST_CODE.remove("demo-warga-sri");
        Browser browser = new Browser(port);
        HttpResponse<String> sent = browser.submit("/login/warga/kode", "/login/warga/kode", Map.of("nik", SRI));
        assertThat(Browser.location(sent)).endsWith("/login/warga/kode/masuk").doesNotContain(SRI);
        String code = IdentityServiceTest.CodeMailbox.LAST_CODE.get("demo-warga-sri");
        assertThat(code).matches("\\d{6}");
        String notice = output.getAll().lines().filter(l -> l.contains("one-time code for account=demo-warga-sri"))
                .findFirst().orElseThrow();
        assertThat(notice).contains("not sent", "0812****7890").doesNotContain(code);
        assertThat(output.getAll()).doesNotContain(SRI, "081234567890");

        String wrong = code.equals("000000") ? "000001" : "000000";
        assertThat(Browser.location(browser.submit("/login/warga/kode/masuk", "/login/warga/kode/masuk",
                Map.of("code", wrong)))).endsWith("error=code");
        assertThat(Browser.location(browser.submit("/login/warga/kode/masuk", "/login/warga/kode/masuk",
                Map.of("code", code)))).endsWith("/login/pin-baru");
        // the code is spent: it cannot be used a second time
        assertThat(Browser.location(new Browser(port).submit("/login/warga/kode/masuk", "/login/warga/kode/masuk",
                Map.of("code", code)))).endsWith("error=code");
        assertThat(Browser.location(browser.submit("/login/pin-baru", "/login/pin-baru",
                Map.of("pin", "975310", "pin2", "975310")))).doesNotContain("error");

        JsonNode tokens = new Browser(port).tokensFor("/login/warga", SRI, "975310");
        assertThat(Browser.claims(tokens.get("access_token").asText()).get("nik").asText()).isEqualTo(SRI);
        // back to the documented demo PIN for the other tests (a code again, same path)
        IdentityServiceTest.CodeMailbox.LAST_CODE.remove("demo-warga-sri");
        Browser again = new Browser(port);
        again.submit("/login/warga/kode", "/login/warga/kode", Map.of("nik", SRI));
        again.submit("/login/warga/kode/masuk", "/login/warga/kode/masuk",
                Map.of("code", IdentityServiceTest.CodeMailbox.LAST_CODE.get("demo-warga-sri")));
        assertThat(again.submit("/login/pin-baru", "/login/pin-baru", Map.of("pin", "246810", "pin2", "246810"))
                .statusCode()).isEqualTo(302);
    }

    @Test
    @Order(2)
    void unknownNikGetsTheSameAnswerAndNoCode() throws Exception {
        int before = IdentityServiceTest.CodeMailbox.LAST_CODE.size();
        HttpResponse<String> sent = new Browser(port).submit("/login/warga/kode", "/login/warga/kode",
                Map.of("nik", "3309017001950001"));
        assertThat(Browser.location(sent)).endsWith("/login/warga/kode/masuk");
        assertThat(IdentityServiceTest.CodeMailbox.LAST_CODE).hasSize(before);
    }

    @Test
    @Order(3)
    void codeRequestsAboveTheQuotaAre429Problems() throws Exception {
        HttpResponse<String> last = null;
        // quota 3 per IP and minute; at most 2 windows can be touched, so 8 requests must meet a 429
        for (int i = 0; i < 8 && (last == null || last.statusCode() != 429); i++) {
            last = new Browser(port).submit("/login/warga/kode", "/login/warga/kode",
                    Map.of("nik", "3309010210740043"));
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(last.headers().firstValue("Retry-After")).hasValue("60");
        assertThat(new ObjectMapper().readTree(last.body()).get("status").asInt()).isEqualTo(429);
    }
}
