package id.desaflow.notification.whatsapp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.jayway.jsonpath.JsonPath;
import id.desaflow.notification.TestGateways;
import id.desaflow.notification.delivery.Channel;
import id.desaflow.notification.delivery.DeliveryOutcome;
import id.desaflow.notification.delivery.InDoubt;
import id.desaflow.notification.delivery.OutgoingMessage;
import id.desaflow.notification.delivery.Receipt;
import id.desaflow.notification.delivery.ReceiptRejectedException;
import id.desaflow.notification.delivery.ReceiptRequest;
import id.desaflow.notification.delivery.ReceiptStatus;
import id.desaflow.notification.delivery.Signatures;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How Meta's answers become delivery outcomes, and how its webhooks are verified and read. */
class WhatsAppCloudGatewayTest {
    private final WhatsAppCloudGateway gateway = gateway(null);

    private static WhatsAppCloudGateway gateway(String template) {
        return new WhatsAppCloudGateway(new WhatsAppSettings("whatsapp-cloud", TestGateways.baseUrl(), "v21.0",
                TestGateways.META_PHONE_ID, TestGateways.META_TOKEN, TestGateways.META_SECRET,
                TestGateways.META_VERIFY, template, "id", Duration.ofSeconds(1), Duration.ofSeconds(1)),
                CircuitBreakerRegistry.ofDefaults(), RateLimiterRegistry.ofDefaults(), new ObjectMapper(),
                Clock.systemUTC());
    }

    @Test
    void mapsMetasAnswersToDeliveryOutcomes() {
        assertThat(answer(aResponse().withStatus(200).withBody("{\"messaging_product\":\"whatsapp\",\"contacts\":"
                + "[{\"input\":\"6281\",\"wa_id\":\"6281\"}],\"messages\":[{\"id\":\"wamid.HBgL\"}]}")))
                .isEqualTo(new DeliveryOutcome.Accepted("wamid.HBgL", true));
        assertThat(answer(error(400, 131026, "Message undeliverable")))
                .isInstanceOf(DeliveryOutcome.PermanentFailure.class);
        assertThat(answer(error(400, 131047, "Re-engagement message")))
                .as("outside the 24-hour window").isInstanceOf(DeliveryOutcome.PermanentFailure.class);
        assertThat(answer(error(401, 190, "Error validating access token")))
                .isInstanceOf(DeliveryOutcome.TechnicalFailure.class);
        assertThat(answer(error(400, 100, "Invalid parameter"))).isInstanceOf(DeliveryOutcome.TechnicalFailure.class);
        assertThat(answer(error(400, 130429, "Rate limit hit"))).isInstanceOf(DeliveryOutcome.TemporaryFailure.class);
        assertThat(answer(error(429, 131056, "Pair rate limit hit")))
                .isInstanceOf(DeliveryOutcome.TemporaryFailure.class);
        assertThat(answer(aResponse().withStatus(500).withBody("oops")))
                .isInstanceOf(DeliveryOutcome.TemporaryFailure.class);
        assertThat(answer(aResponse().withStatus(200).withBody("{}")))
                .isInstanceOf(DeliveryOutcome.TechnicalFailure.class);
        assertThat(gateway.resolveInDoubt(message(phone()))).as("no look-up in the Cloud API")
                .isEqualTo(new InDoubt.Unknown());
    }

    @Test
    void withATemplateTheMessageIsItsOneBodyParameterOnOneLine() {
        String phone = phone();
        gateway("desaflow_pemberitahuan").send(message(phone));

        String json = TestGateways.whatsAppTo(phone).get(0).getBodyAsString();
        assertThat(JsonPath.<String>read(json, "$.type")).isEqualTo("template");
        assertThat(JsonPath.<String>read(json, "$.template.name")).isEqualTo("desaflow_pemberitahuan");
        assertThat(JsonPath.<String>read(json, "$.template.language.code")).isEqualTo("id");
        assertThat(JsonPath.<String>read(json, "$.template.components[0].parameters[0].text"))
                .isEqualTo("Yth. Sri, | permohonan Anda diterima. Pantau: http://x");
        assertThat(JsonPath.<String>read(json, "$.biz_opaque_callback_data")).isEqualTo("e1:WHATSAPP");
    }

    @Test
    void readsSignedStatusWebhooks() {
        String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":"
                + "\"messages\",\"value\":{\"statuses\":["
                + "{\"id\":\"wamid.1\",\"status\":\"sent\",\"biz_opaque_callback_data\":\"e1:WHATSAPP\"},"
                + "{\"id\":\"wamid.1\",\"status\":\"delivered\",\"biz_opaque_callback_data\":\"e1:WHATSAPP\"},"
                + "{\"id\":\"wamid.2\",\"status\":\"failed\",\"biz_opaque_callback_data\":\"e2:WHATSAPP\","
                + "\"errors\":[{\"code\":131026,\"title\":\"Message undeliverable\"}]},"
                + "{\"id\":\"wamid.3\",\"status\":\"failed\",\"errors\":[{\"code\":131000,\"title\":\"Something "
                + "went wrong\"}]}]}}]}]}";

        assertThat(gateway.read(request(body, sign(body)))).containsExactly(
                new Receipt("e1:WHATSAPP", "wamid.1", ReceiptStatus.SENT, "WhatsApp: sent"),
                new Receipt("e1:WHATSAPP", "wamid.1", ReceiptStatus.DELIVERED, "WhatsApp: delivered"),
                new Receipt("e2:WHATSAPP", "wamid.2", ReceiptStatus.PERMANENT_FAILURE,
                        "WhatsApp: failed kode 131026 Message undeliverable"),
                new Receipt(null, "wamid.3", ReceiptStatus.TEMPORARY_FAILURE,
                        "WhatsApp: failed kode 131000 Something went wrong"));
        assertThatThrownBy(() -> gateway.read(request(body, sign(body + " ")))).isInstanceOf(
                ReceiptRejectedException.class);
        assertThatThrownBy(() -> gateway.read(request(body, null))).isInstanceOf(ReceiptRejectedException.class);
    }

    @Test
    void answersMetasSubscriptionCheckOnlyWithTheVerifyToken() {
        assertThat(gateway.handshake(Map.of("hub.mode", "subscribe", "hub.verify_token", TestGateways.META_VERIFY,
                "hub.challenge", "42"))).contains("42");
        assertThat(gateway.handshake(Map.of("hub.mode", "subscribe", "hub.verify_token", "x", "hub.challenge",
                "42"))).isEmpty();
    }

    private static ReceiptRequest request(String body, String signature) {
        HttpHeaders headers = new HttpHeaders();
        if (signature != null) {
            headers.set("X-Hub-Signature-256", signature);
        }
        return new ReceiptRequest("https://x/api/v1/providers/whatsapp-cloud/receipts", Map.of(), Map.of(),
                body.getBytes(StandardCharsets.UTF_8), headers);
    }

    private static String sign(String body) {
        return "sha256=" + HexFormat.of().formatHex(Signatures.hmac("HmacSHA256", TestGateways.META_SECRET,
                body.getBytes(StandardCharsets.UTF_8)));
    }

    private DeliveryOutcome answer(ResponseDefinitionBuilder answer) {
        String phone = phone();
        TestGateways.whatsAppAnswersFor(phone, answer.withHeader("Content-Type", "application/json"));
        return gateway.send(message(phone));
    }

    private static ResponseDefinitionBuilder error(int status, int code, String message) {
        return aResponse().withStatus(status).withBody("{\"error\":{\"message\":\"" + message + "\",\"type\":"
                + "\"OAuthException\",\"code\":" + code + ",\"fbtrace_id\":\"Az8\"}}");
    }

    private static OutgoingMessage message(String phone) {
        return new OutgoingMessage("e1:WHATSAPP", Channel.WHATSAPP, phone, "Permohonan diterima",
                "Yth. Sri,\n  permohonan Anda diterima.    Pantau: http://x\n", null, null, "warga-1", "req-1",
                "desaflow.request.submitted.v1", Instant.now());
    }

    private static String phone() {
        return "0857" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }
}
