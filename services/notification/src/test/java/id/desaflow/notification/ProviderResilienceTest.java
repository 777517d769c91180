package id.desaflow.notification;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import id.desaflow.contracts.events.EventType;
import id.desaflow.notification.delivery.Audience;
import id.desaflow.notification.delivery.Channel;
import id.desaflow.notification.delivery.DeliveryPolicy;
import id.desaflow.notification.delivery.Draft;
import id.desaflow.notification.delivery.Notification;
import id.desaflow.notification.delivery.NotificationStatus;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Per provider: the circuit breaker (provider down: nothing lost, sent after recovery), the rate limiter, and a
 * restart in the middle of a send (a message left claimed in SENDING is resolved, never sent twice).
 */
class ProviderResilienceTest extends NotificationServiceTestSupport {

    @Autowired
    RateLimiterRegistry limiters;
    @Autowired
    DeliveryPolicy policy;

    @Test
    void whileWhatsAppIsDownTheCircuitOpensMessagesWaitAndAllAreSentAfterRecovery() {
        StubMapping outage = TestGateways.SERVER.stubFor(post(urlPathEqualTo(TestGateways.META_PATH)).atPriority(0)
                .willReturn(aResponse().withStatus(503).withBody("upstream connect error")));
        List<String> phones = IntStream.range(0, 3).mapToObj(i -> newPhone()).toList();
        List<String> ids;
        try {
            ids = phones.stream().map(phone -> {
                String requestId = newRequestId();
                return publish(requestId, submitted(requestId, newTrackingCode(), null, phone, newNik())).eventId()
                        + ":WHATSAPP";
            }).toList();

            await().atMost(WAIT).until(() -> breakers.circuitBreaker("whatsapp-cloud").getState()
                    == CircuitBreaker.State.OPEN);
            assertThat(ids).allSatisfy(id -> assertThat(notifications.findById(id).orElseThrow().status())
                    .isIn(NotificationStatus.PENDING, NotificationStatus.TEMPORARY_FAILURE,
                            NotificationStatus.SENDING));
        } finally {
            TestGateways.SERVER.removeStub(outage);
        }

        await().atMost(WAIT).until(() -> ids.stream().allMatch(id -> notifications.findById(id).orElseThrow()
                .providerReference() != null));
        assertThat(breakers.circuitBreaker("whatsapp-cloud").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        for (String id : ids) {
            Notification sent = notifications.findById(id).orElseThrow();
            assertThat(sent.status()).isEqualTo(NotificationStatus.SENDING); // accepted, waiting for the receipt
            assertThat(recorder().events(EventType.NOTIFICATION_FAILED, sent.requestId())).isEmpty();
        }
        // one accepted request per phone: the 503s were not deliveries, and nothing was sent after acceptance
        for (String phone : phones) {
            assertThat(TestGateways.whatsAppTo(phone).stream().filter(r -> TestGateways.SERVER.getAllServeEvents()
                    .stream().anyMatch(e -> e.getRequest().getId().equals(r.getId())
                            && e.getResponse().getStatus() == 200)).count()).isEqualTo(1);
        }
    }

    @Test
    void theRateLimitHoldsMessagesBackWithoutLosingOrCountingThem() {
        RateLimiter configured = limiters.rateLimiter("whatsapp-cloud");
        assertThat(configured.getRateLimiterConfig().getLimitForPeriod()).as("application.yml").isEqualTo(20);
        limiters.replace("whatsapp-cloud", RateLimiter.of("whatsapp-cloud", RateLimiterConfig.custom()
                .limitForPeriod(2).limitRefreshPeriod(Duration.ofHours(1)).timeoutDuration(Duration.ZERO).build()));
        List<String> phones = IntStream.range(0, 5).mapToObj(i -> newPhone()).toList();
        List<String> ids;
        try {
            ids = phones.stream().map(phone -> {
                String requestId = newRequestId();
                return publish(requestId, submitted(requestId, newTrackingCode(), null, phone, newNik())).eventId()
                        + ":WHATSAPP";
            }).toList();

            await().atMost(WAIT).until(() -> sentTo(phones) == 2 && waiting(ids) == 3);
            // and it stays so: the limiter, not timing, holds the other three back
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> sentTo(phones) == 2);
            assertThat(ids.stream().map(id -> notifications.findById(id).orElseThrow())
                    .filter(n -> n.status() == NotificationStatus.PENDING))
                    .hasSize(3).allSatisfy(n -> assertThat(n.attempts()).as("not counted as tries").isZero());
        } finally {
            limiters.replace("whatsapp-cloud", configured);
        }

        await().atMost(WAIT).until(() -> waiting(ids) == 0 && sentTo(phones) == 5);
        assertThat(phones).allSatisfy(phone -> assertThat(TestGateways.whatsAppTo(phone)).hasSize(1));
    }

    @Test
    void anSmsLeftSendingByACrashIsLookedUpAtTwilioAndNotSentAgain() {
        String phone = newPhone();
        String body = "Yth. Sri, permohonan Anda diterima. Kode " + UUID.randomUUID();
        String id = crashedMidSend(Channel.SMS, phone, body, Instant.now().minus(policy.lease()).minusSeconds(60));
        TestGateways.SERVER.stubFor(get(urlPathEqualTo(TestGateways.TWILIO_PATH)).atPriority(1)
                .withQueryParam("To", equalTo(TestGateways.e164(phone)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"messages\":[{\"sid\":\"SMold\",\"body\":\"Pesan lain\",\"status\":"
                                + "\"delivered\",\"date_created\":\"" + rfc1123(Instant.now().minusSeconds(3600))
                                + "\"},{\"sid\":\"SMcrashed\",\"body\":\"" + body + "\",\"status\":\"delivered\","
                                + "\"date_created\":\"" + rfc1123(Instant.now().minusSeconds(150)) + "\"}]}")));

        Notification resolved = awaitStatus(id, NotificationStatus.DELIVERED);

        assertThat(resolved.providerReference()).isEqualTo("SMcrashed");
        assertThat(TestGateways.SERVER.findAll(getRequestedFor(urlPathEqualTo(TestGateways.TWILIO_PATH))
                .withQueryParam("To", equalTo(TestGateways.e164(phone))))).hasSize(1);
        assertThat(TestGateways.smsTo(phone)).as("never sent twice").isEmpty();
    }

    @Test
    void anSmsLeftSendingByACrashBeforeTwilioGotItIsSentOnce() {
        String phone = newPhone();
        String id = crashedMidSend(Channel.SMS, phone, "Pesan " + UUID.randomUUID(),
                Instant.now().minus(policy.lease()).minusSeconds(60));

        await().atMost(WAIT).until(() -> notifications.findById(id).orElseThrow().providerReference() != null);

        assertThat(TestGateways.smsTo(phone)).hasSize(1);
        assertThat(notifications.findById(id).orElseThrow().isAwaitingReceipt()).isTrue();
    }

    @Test
    void aWhatsAppLeftSendingIsSettledByItsReceiptWithoutASecondSend() throws Exception {
        String phone = newPhone();
        String id = crashedMidSend(Channel.WHATSAPP, phone, "Pesan " + UUID.randomUUID(), Instant.now());

        whatsAppReports(id, "wamid.before-the-crash", "delivered", null);

        Notification settled = awaitStatus(id, NotificationStatus.DELIVERED);
        assertThat(settled.providerReference()).isEqualTo("wamid.before-the-crash");
        assertThat(TestGateways.whatsAppTo(phone)).isEmpty();
    }

    @Test
    void aMailLeftSendingIsSentAgainUnderTheSameMessageId() throws Exception {
        String email = newEmail("crash");
        String id = crashedMidSend(Channel.EMAIL, email, "Pesan " + UUID.randomUUID(),
                Instant.now().minus(policy.lease()).minusSeconds(60));

        awaitStatus(id, NotificationStatus.DELIVERED);

        assertThat(TestSmtp.messagesTo(email)).hasSize(1);
        assertThat(TestSmtp.messagesTo(email).get(0).getMessageID()).isEqualTo("<" + id.replace(':', '.')
                + "@beji.desa.id>");
    }

    /** A message as the service left it when it stopped after claiming it and before saving the answer. */
    private String crashedMidSend(Channel channel, String address, String body, Instant claimedAt) {
        String requestId = newRequestId();
        Notification n = Notification.queue(new Draft(UUID.randomUUID().toString(),
                EventType.REQUEST_SUBMITTED.type(), requestId, Audience.RESIDENT, "warga-crash-" + requestId, channel,
                address, "Permohonan diterima", body, "http://localhost:8080/lacak/DF-CRASH1", null, "id", Map.of(),
                channel == Channel.EMAIL ? address : null, channel == Channel.EMAIL ? null : address, null),
                claimedAt.minusSeconds(1));
        n.startAttempt(claimedAt.minusSeconds(1), policy);
        notifications.insert(n);
        return n.id();
    }

    private long sentTo(List<String> phones) {
        return phones.stream().mapToLong(p -> TestGateways.whatsAppTo(p).size()).sum();
    }

    private long waiting(List<String> ids) {
        return ids.stream().map(id -> notifications.findById(id)).filter(n -> n.isPresent()
                && n.get().status() == NotificationStatus.PENDING).count();
    }

    private static String rfc1123(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }
}
