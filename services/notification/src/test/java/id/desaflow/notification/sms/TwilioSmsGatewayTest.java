package id.desaflow.notification.sms;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.desaflow.notification.TestGateways;
import id.desaflow.notification.delivery.Channel;
import id.desaflow.notification.delivery.DeliveryOutcome;
import id.desaflow.notification.delivery.InDoubt;
import id.desaflow.notification.delivery.OutgoingMessage;
import id.desaflow.notification.delivery.Receipt;
import id.desaflow.notification.delivery.ReceiptRejectedException;
import id.desaflow.notification.delivery.ReceiptRequest;
import id.desaflow.notification.delivery.ReceiptStatus;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How Twilio's answers become delivery outcomes, and how its callbacks are verified and read. */
class TwilioSmsGatewayTest {
    private final TwilioSmsGateway gateway = gateway("https://notifikasi.beji.test", TestGateways.TWILIO_TOKEN,
            CircuitBreakerRegistry.ofDefaults());

    private static TwilioSmsGateway gateway(String receiptsBase, String token) {
        return gateway(receiptsBase, token, CircuitBreakerRegistry.ofDefaults());
    }

    private static TwilioSmsGateway gateway(String receiptsBase, String token, CircuitBreakerRegistry breakers) {
        return new TwilioSmsGateway(new SmsSettings("twilio", TestGateways.baseUrl(), TestGateways.TWILIO_ACCOUNT,
                token, TestGateways.TWILIO_SENDER, null, Duration.ofSeconds(1), Duration.ofMillis(500)), breakers,
                RateLimiterRegistry.ofDefaults(), new ObjectMapper(), Clock.systemUTC(), receiptsBase);
    }

    @Test
    void signsCallbacksExactlyAsTwilioDocumentsIt() {
        // the example of Twilio's "Webhooks security" page
        assertThat(gateway("", "12345").signature("https://mycompany.com/myapp.php?foo=1&bar=2", Map.of(
                "CallSid", List.of("CA1234567890ABCDE"), "Caller", List.of("+12349013030"), "Digits", List.of("1234"),
                "From", List.of("+12349013030"), "To", List.of("+18005551212"))))
                .isEqualTo("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
    }

    @Test
    void mapsTwiliosAnswersToDeliveryOutcomes() {
        assertThat(answer(aResponse().withStatus(201).withBody("{\"sid\":\"SM1\",\"status\":\"queued\"}")))
                .isEqualTo(new DeliveryOutcome.Accepted("SM1", true));
        assertThat(answer(error(400, 21211, "Invalid 'To' Phone Number")))
                .isInstanceOf(DeliveryOutcome.PermanentFailure.class);
        assertThat(answer(error(400, 21610, "Attempt to send to unsubscribed recipient")))
                .isInstanceOf(DeliveryOutcome.PermanentFailure.class);
        assertThat(answer(error(400, 21606, "The From phone number is not a valid, SMS-capable number")))
                .isInstanceOf(DeliveryOutcome.TechnicalFailure.class);
        assertThat(answer(error(401, 20003, "Authenticate"))).isInstanceOf(DeliveryOutcome.TechnicalFailure.class);
        assertThat(answer(aResponse().withStatus(201).withBody("{}")))
                .isInstanceOf(DeliveryOutcome.TechnicalFailure.class);
        assertThat(answer(aResponse().withStatus(302).withHeader("Location", "/elsewhere")))
                .isInstanceOf(DeliveryOutcome.TechnicalFailure.class);
        assertThat(answer(error(429, 20429, "Too Many Requests")))
                .isInstanceOf(DeliveryOutcome.TemporaryFailure.class);
        assertThat(answer(aResponse().withStatus(503))).isInstanceOf(DeliveryOutcome.TemporaryFailure.class);
        assertThat(answer(aResponse().withStatus(201).withFixedDelay(1500).withBody("{\"sid\":\"SM1\"}")))
                .as("a timeout").isInstanceOf(DeliveryOutcome.TemporaryFailure.class);
        assertThat(gateway.send(message("12"))).isInstanceOf(DeliveryOutcome.PermanentFailure.class);
    }

    @Test
    void withoutAReceiptUrlAcceptanceIsAsFarAsWeKnow() {
        String phone = phone();
        TestGateways.twilioAnswersFor(phone, aResponse().withStatus(201).withBody("{\"sid\":\"SM2\"}"));
        assertThat(gateway("", TestGateways.TWILIO_TOKEN).send(message(phone)))
                .isEqualTo(new DeliveryOutcome.Accepted("SM2", false));
        assertThat(TestGateways.smsTo(phone).get(0).getBodyAsString()).doesNotContain("StatusCallback");
    }

    @Test
    void onlyProviderTroubleOpensTheCircuitAndAnOpenCircuitSendsNothing() {
        TwilioSmsGateway guarded = gateway("", TestGateways.TWILIO_TOKEN, CircuitBreakerRegistry.of(
                CircuitBreakerConfig.custom().minimumNumberOfCalls(3).slidingWindowSize(3)
                        .waitDurationInOpenState(Duration.ofMinutes(1)).build()));
        for (int i = 0; i < 3; i++) {
            answer(guarded, error(400, 21211, "Invalid 'To' Phone Number"));
        }
        assertThat(guarded.isAvailable()).as("refused recipients are answers, not outages").isTrue();
        for (int i = 0; i < 3; i++) {
            answer(guarded, aResponse().withStatus(500));
        }
        assertThat(guarded.isAvailable()).isFalse();
        String phone = phone();
        assertThat(guarded.send(message(phone))).isInstanceOf(DeliveryOutcome.NotAttempted.class);
        assertThat(TestGateways.smsTo(phone)).isEmpty();
    }

    @Test
    void readsSignedStatusCallbacks() {
        String url = "https://notifikasi.beji.test/api/v1/providers/twilio/receipts?notification=e1%3ASMS";
        assertThat(receipt(url, "delivered", null)).containsExactly(new Receipt("e1:SMS", "SM9",
                ReceiptStatus.DELIVERED, "Twilio: delivered"));
        assertThat(receipt(url, "sent", null).get(0).status()).isEqualTo(ReceiptStatus.SENT);
        assertThat(receipt(url, "queued", null)).isEmpty();
        assertThat(receipt(url, "undelivered", "30003").get(0).status()).isEqualTo(ReceiptStatus.TEMPORARY_FAILURE);
        assertThat(receipt(url, "failed", "30005").get(0).status()).isEqualTo(ReceiptStatus.PERMANENT_FAILURE);

        Map<String, List<String>> form = Map.of("MessageSid", List.of("SM9"), "MessageStatus", List.of("delivered"));
        HttpHeaders forged = new HttpHeaders();
        forged.set("X-Twilio-Signature", gateway.signature(url.replace("e1", "e2"), form));
        assertThatThrownBy(() -> gateway.read(new ReceiptRequest(url, Map.of("notification", "e1:SMS"), form,
                new byte[0], forged))).isInstanceOf(ReceiptRejectedException.class);
    }

    @Test
    void inDoubtItAsksTwilioAndMatchesOnTextAndTime() {
        String phone = phone();
        Instant queued = Instant.parse("2026-11-22T03:00:00Z");
        TestGateways.SERVER.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(TestGateways.TWILIO_PATH))
                .atPriority(1).withQueryParam("To", com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                        TestGateways.e164(phone)))
                .willReturn(aResponse().withStatus(200).withBody("{\"messages\":["
                        + "{\"sid\":\"SMolder\",\"body\":\"Halo\",\"status\":\"failed\",\"error_code\":30005,"
                        + "\"date_created\":\"Sat, 21 Nov 2026 03:00:00 +0000\"},"
                        + "{\"sid\":\"SMours\",\"body\":\"Halo\",\"status\":\"sent\","
                        + "\"date_created\":\"Sun, 22 Nov 2026 03:00:05 +0000\"}]}")));

        assertThat(gateway.resolveInDoubt(outgoing(phone, "Halo\n", queued)))
                .isEqualTo(new InDoubt.Known(new DeliveryOutcome.Accepted("SMours", true)));
        assertThat(gateway.resolveInDoubt(outgoing(phone, "Lain", queued))).isEqualTo(new InDoubt.NotSent());
        TestGateways.SERVER.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(TestGateways.TWILIO_PATH))
                .atPriority(1).withQueryParam("To", com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                        TestGateways.e164(phone))).willReturn(aResponse().withStatus(503)));
        assertThat(gateway.resolveInDoubt(outgoing(phone, "Halo", queued))).isInstanceOf(InDoubt.AskLater.class);
    }

    private List<Receipt> receipt(String url, String status, String errorCode) {
        Map<String, List<String>> form = errorCode == null
                ? Map.of("MessageSid", List.of("SM9"), "MessageStatus", List.of(status))
                : Map.of("MessageSid", List.of("SM9"), "MessageStatus", List.of(status), "ErrorCode",
                        List.of(errorCode));
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Twilio-Signature", gateway.signature(url, form));
        return gateway.read(new ReceiptRequest(url, Map.of("notification", "e1:SMS"), form, new byte[0], headers));
    }

    private DeliveryOutcome answer(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        return answer(gateway, answer);
    }

    private static DeliveryOutcome answer(TwilioSmsGateway gateway,
            com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        String phone = phone();
        TestGateways.twilioAnswersFor(phone, answer.withHeader("Content-Type", "application/json"));
        return gateway.send(message(phone));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder error(int status, int code,
            String message) {
        return aResponse().withStatus(status).withBody("{\"code\":" + code + ",\"message\":\"" + message
                + "\",\"more_info\":\"https://www.twilio.com/docs/errors/" + code + "\",\"status\":" + status + "}");
    }

    private static OutgoingMessage message(String phone) {
        return outgoing(phone, "Yth. Sri, permohonan Anda diterima.", Instant.now());
    }

    private static OutgoingMessage outgoing(String phone, String body, Instant queuedAt) {
        return new OutgoingMessage("e1:SMS", Channel.SMS, phone, "Permohonan diterima", body, null, null,
                "warga-1", "req-1", "desaflow.request.submitted.v1", queuedAt);
    }

    private static String phone() {
        return "0813" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }
}
