package id.desaflow.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.desaflow.contracts.events.EventType;
import id.desaflow.contracts.events.OneTimeCodeRequested;
import id.desaflow.contracts.events.Topics;
import id.desaflow.platform.messaging.IncomingEvent;
import id.desaflow.platform.test.EventRecorder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A resident sets a new PIN with a code sent to the registered contact; code requests are a few per minute. The
 * only class posting code requests in the shared context (its quota is per IP and all tests come from 127.0.0.1).
 */
@IdentityServiceTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class OneTimeCodeTest {
    private static final String SRI = "3309016108790002";

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedKafkaBroker broker;
    private EventRecorder outbox;

    @BeforeAll
    void listen() {
        outbox = new EventRecorder(broker.getBrokersAsString(), Topics.IDENTITY);
    }

    @AfterAll
    void stopListening() {
        outbox.close();
    }

    /** Sends the form and returns the code identity published for the notification service to deliver. */
    private OneTimeCodeRequested codeSentBy(Browser browser, String nik) throws Exception {
        int before = outbox.events(EventType.ONE_TIME_CODE_REQUESTED, "demo-warga-sri").size();
        browser.submit("/login/warga/kode", "/login/warga/kode", Map.of("nik", nik));
        List<IncomingEvent> sent = await().atMost(Duration.ofSeconds(15)).until(
                () -> outbox.events(EventType.ONE_TIME_CODE_REQUESTED, "demo-warga-sri"), e -> e.size() > before);
        return sent.get(sent.size() - 1).payload(OneTimeCodeRequested.class);
    }

    @Test
    @Order(1)
    void codeFromTheRegisteredContactLetsTheResidentChooseANewPin(CapturedOutput output) throws Exception {
        Browser browser = new Browser(port);
        OneTimeCodeRequested requested = codeSentBy(browser, SRI);
        String code = requested.code();
        assertThat(code).matches("\\d{6}");
        // to the registered e-mail (Sri has both), in Indonesian, for ten minutes
        assertThat(requested.channel()).isEqualTo("EMAIL");
        assertThat(requested.destination()).isEqualTo("sri.wahyuni@example.id");
        assertThat(Duration.between(requested.requestedAt(), requested.expiresAt())).isEqualTo(Duration.ofMinutes(10));
        assertThat(output.getAll()).doesNotContain(SRI, "081234567890", code);

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
        Browser again = new Browser(port);
        again.submit("/login/warga/kode/masuk", "/login/warga/kode/masuk",
                Map.of("code", codeSentBy(again, SRI).code()));
        assertThat(again.submit("/login/pin-baru", "/login/pin-baru", Map.of("pin", "246810", "pin2", "246810"))
                .statusCode()).isEqualTo(302);
    }

    @Test
    @Order(2)
    void unknownNikGetsTheSameAnswerAndNoCode() throws Exception {
        int before = outbox.events().size();
        HttpResponse<String> sent = new Browser(port).submit("/login/warga/kode", "/login/warga/kode",
                Map.of("nik", "3309017001950001"));
        assertThat(Browser.location(sent)).endsWith("/login/warga/kode/masuk");
        assertThat(outbox.events()).as("nothing published for an unknown NIK").hasSize(before);
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
