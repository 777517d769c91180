package id.desaflow.notification;

import id.desaflow.contracts.events.Applicant;
import id.desaflow.contracts.events.EventJson;
import id.desaflow.contracts.events.EventType;
import id.desaflow.contracts.events.NotificationDelivered;
import id.desaflow.contracts.events.RequestSubmitted;
import id.desaflow.contracts.events.Topics;
import id.desaflow.notification.delivery.Channel;
import id.desaflow.notification.delivery.FinalFailures;
import id.desaflow.notification.delivery.Notification;
import id.desaflow.notification.delivery.NotificationStatus;
import id.desaflow.notification.delivery.Notifications;
import id.desaflow.notification.delivery.Signatures;
import id.desaflow.platform.messaging.IncomingEvent;
import id.desaflow.platform.outbox.EventPublisher;
import id.desaflow.platform.outbox.OutboxMessage;
import id.desaflow.platform.test.EventRecorder;
import id.desaflow.platform.test.InProcessMongo;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One Spring context for every service test class (same configuration, so it is cached): embedded KRaft Kafka,
 * in-process MongoDB, a GreenMail SMTP server, WireMock as Twilio and the WhatsApp Cloud API, the demo officials,
 * and timings shortened so retries happen within seconds.
 */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "desaflow.logging.format=",
        "desaflow.demo-seed=true",
        "desaflow.outbox.poll-interval=100ms",
        "desaflow.notification.dispatch-interval=100ms",
        "desaflow.notification.digest.check-interval=1h",
        "desaflow.notification.delivery.initial-backoff=200ms",
        "desaflow.notification.delivery.max-backoff=1s",
        "desaflow.notification.delivery.max-attempts=50",
        "desaflow.kafka.backoff-initial=200ms",
        "desaflow.kafka.backoff-max=1s",
        "desaflow.kafka.retries=30",
        "desaflow.notification.receipts.base-url=" + TestGateways.RECEIPTS_BASE,
        "desaflow.notification.sms.provider=twilio",
        "desaflow.notification.sms.account=" + TestGateways.TWILIO_ACCOUNT,
        "desaflow.notification.sms.api-key=" + TestGateways.TWILIO_TOKEN,
        "desaflow.notification.sms.sender=" + TestGateways.TWILIO_SENDER,
        "desaflow.notification.sms.read-timeout=2s",
        "desaflow.notification.whatsapp.provider=whatsapp-cloud",
        "desaflow.notification.whatsapp.account=" + TestGateways.META_PHONE_ID,
        "desaflow.notification.whatsapp.api-key=" + TestGateways.META_TOKEN,
        "desaflow.notification.whatsapp.receipt-secret=" + TestGateways.META_SECRET,
        "desaflow.notification.whatsapp.verify-token=" + TestGateways.META_VERIFY,
        "desaflow.notification.whatsapp.read-timeout=2s",
        "resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=500ms",
        "spring.mail.properties[mail.smtp.connectiontimeout]=2000",
        "spring.mail.properties[mail.smtp.timeout]=2000"})
@EmbeddedKafka(kraft = true, partitions = 1)
@InProcessMongo
@AutoConfigureMockMvc
@Import({NotificationServiceTestSupport.ShortMongoTimeouts.class, NotificationServiceTestSupport.RelayBeforeFollowUp.class})
public abstract class NotificationServiceTestSupport {
    public static final String VILLAGE = "3309012004";
    public static final String LETTER_TYPE = "surat-keterangan-usaha";
    public static final Duration WAIT = Duration.ofSeconds(30);
    private static EventRecorder recorder;
    private static String recorderBrokers;

    @Autowired
    protected EventPublisher publisher;
    @Autowired
    protected MockMvc http;
    @Autowired
    protected Notifications notifications;
    @Autowired
    protected CircuitBreakerRegistry breakers;

    /**
     * InProcessMongo stops its server on ContextClosedEvent, before the schedulers stop; a dispatcher or relay poll
     * caught in between would wait the driver's default 30 s for a server and hold the JVM's exit.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class ShortMongoTimeouts {
        @Bean
        MongoClientSettingsBuilderCustomizer shortServerSelection() {
            return settings -> settings.applyToClusterSettings(
                    cluster -> cluster.serverSelectionTimeout(2, TimeUnit.SECONDS));
        }
    }

    /**
     * Every final failure's follow-up first waits until the outbox relay has published the failure's event and
     * removed it from the document: the interleaving in which a follow-up that saved the whole document again wrote
     * the event back (seen once in CI). PhoneChannelsTest counts the failure events exactly; FollowedUpTest checks
     * the mark itself, without the relay's own guard against such write-backs.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class RelayBeforeFollowUp {
        @Bean
        FinalFailures afterTheRelay(Notifications notifications) {
            return failed -> await().atMost(WAIT).until(() -> notifications.findById(failed.id())
                    .map(stored -> stored.pendingEvents().isEmpty()).orElse(true));
        }
    }

    /** This context's broker: the system property of the same name is overwritten by any other context's broker. */
    @Autowired
    private EmbeddedKafkaBroker broker;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> TestSmtp.PORT);
        registry.add("desaflow.notification.sms.base-url", TestGateways::baseUrl);
        registry.add("desaflow.notification.whatsapp.base-url", TestGateways::baseUrl);
    }

    @BeforeAll
    static void mailServerUp() {
        TestSmtp.start();
    }

    /** The contract test: every event on every topic, ours and the fixtures, satisfies its JSON Schema. */
    @AfterEach
    void everyEventKeepsTheContract() {
        recorder().poll();
        assertThat(recorder().contractViolations()).isEmpty();
    }

    /** A test that broke a provider on purpose must not leave its circuit open for the next one. */
    @AfterEach
    void closeCircuits() {
        breakers.getAllCircuitBreakers().forEach(b -> b.reset());
    }

    protected synchronized EventRecorder recorder() {
        String brokers = broker.getBrokersAsString();
        if (recorder == null || !brokers.equals(recorderBrokers)) {
            recorder = new EventRecorder(brokers, Topics.INTAKE, Topics.VERIFICATION, Topics.APPROVAL,
                    Topics.NOTIFICATION, Topics.IDENTITY);
            recorderBrokers = brokers;
        }
        return recorder;
    }

    /** Open mode: the platform's header actor (X-DesaFlow-User / -Groups), as the portal names it locally. */
    protected static RequestPostProcessor actor(String user, String... groups) {
        return request -> {
            request.addHeader("X-DesaFlow-User", user);
            if (groups.length > 0) {
                request.addHeader("X-DesaFlow-Groups", String.join(",", groups));
            }
            return request;
        };
    }

    /** Desa Beji's administrator (user id {@code admin-beji}). */
    protected static RequestPostProcessor villageAdmin() {
        return actor("admin-beji", "desa:" + VILLAGE + ":admin-desa");
    }

    /** The kecamatan's administrator: the only one who changes the (shared) templates. */
    protected static RequestPostProcessor kecamatanAdmin() {
        return actor("admin-andong", "desa:" + VILLAGE + ":admin-kecamatan");
    }

    protected static RequestPostProcessor resident(String nik) {
        return actor("nik:" + nik);
    }

    protected OutboxMessage publish(String key, Record event) {
        OutboxMessage message = OutboxMessage.of(key, event);
        publisher.publish(message);
        return message;
    }

    protected static String newRequestId() {
        return UUID.randomUUID().toString();
    }

    protected static String newTrackingCode() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder code = new StringBuilder("DF-");
        for (int i = 0; i < 6; i++) {
            code.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return code.toString();
    }

    protected static String newEmail(String localPrefix) {
        return localPrefix + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.id";
    }

    /** A mobile number no other test uses, so WireMock stubs and counts per number stay apart. */
    protected static String newPhone() {
        return "0812" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** A NIK no other test uses: each resident has their own key, preferences and inbox. */
    protected static String newNik() {
        return "33090145089" + String.format("%05d", ThreadLocalRandom.current().nextInt(100_000));
    }

    /** An applicant who gave only an e-mail address. */
    protected static RequestSubmitted submitted(String requestId, String trackingCode, String email) {
        return submitted(requestId, trackingCode, email, null, newNik());
    }

    protected static RequestSubmitted submitted(String requestId, String trackingCode, String email, String phone,
            String nik) {
        return new RequestSubmitted(requestId, trackingCode, LETTER_TYPE, VILLAGE,
                new Applicant(nik, "Sri Wahyuni", phone, email),
                Map.of("namaUsaha", "Warung Makan Bu Sri", "jenisUsaha", "Kuliner"), "ONLINE", Instant.now());
    }

    protected Notification awaitStatus(String notificationId, NotificationStatus status) {
        await().atMost(WAIT).until(() -> notifications.findById(notificationId).map(Notification::status)
                .orElse(null) == status);
        return notifications.findById(notificationId).orElseThrow();
    }

    protected List<Notification> messagesOf(String requestId) {
        return notifications.findByRequestIdOrderByCreatedAtAsc(requestId);
    }

    protected List<NotificationDelivered> awaitDelivered(String requestId, Channel channel, int count) {
        await().atMost(WAIT).until(() -> delivered(requestId, channel).size() >= count);
        List<NotificationDelivered> delivered = delivered(requestId, channel);
        assertThat(delivered).hasSize(count);
        return delivered;
    }

    protected List<NotificationDelivered> delivered(String requestId, Channel channel) {
        return recorder().events(EventType.NOTIFICATION_DELIVERED, requestId).stream()
                .map(e -> payload(e, NotificationDelivered.class)).filter(d -> d.channel().equals(channel.name()))
                .toList();
    }

    protected static <T extends Record> T payload(IncomingEvent event, Class<T> type) {
        return EventJson.fromBytes(event.data(), type);
    }

    /** Twilio's status callback for a message, signed as Twilio signs it, to the URL we gave Twilio. */
    protected void twilioReports(String statusCallback, String sid, String status, String errorCode)
            throws Exception {
        Map<String, String> form = new TreeMap<>(Map.of("MessageSid", sid, "MessageStatus", status, "AccountSid",
                TestGateways.TWILIO_ACCOUNT));
        if (errorCode != null) {
            form.put("ErrorCode", errorCode);
        }
        StringBuilder signed = new StringBuilder(statusCallback);
        form.forEach((k, v) -> signed.append(k).append(v));
        String signature = Base64.getEncoder().encodeToString(Signatures.hmac("HmacSHA1", TestGateways.TWILIO_TOKEN,
                signed.toString().getBytes(StandardCharsets.UTF_8)));
        var request = post(URI.create(statusCallback.substring(TestGateways.RECEIPTS_BASE.length())))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).header("X-Twilio-Signature", signature);
        form.forEach(request::param);
        http.perform(request).andExpect(status().isOk());
    }

    /** Meta's status webhook for a WhatsApp message, signed with the app secret. */
    protected void whatsAppReports(String notificationId, String wamid, String status, Integer errorCode)
            throws Exception {
        String errors = errorCode == null ? "" : ",\"errors\":[{\"code\":" + errorCode + ",\"title\":\"x\"}]";
        String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":"
                + "\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"phone_number_id\":\""
                + TestGateways.META_PHONE_ID + "\"},\"statuses\":[{\"id\":\"" + wamid + "\",\"status\":\"" + status
                + "\",\"timestamp\":\"1700000000\",\"recipient_id\":\"62811\",\"biz_opaque_callback_data\":\""
                + notificationId + "\"" + errors + "}]}}]}]}";
        http.perform(post("/api/v1/providers/whatsapp-cloud/receipts").contentType(MediaType.APPLICATION_JSON)
                .content(body).header("X-Hub-Signature-256", metaSignature(body))).andExpect(status().isOk());
    }

    protected static String metaSignature(String body) {
        return "sha256=" + HexFormat.of().formatHex(Signatures.hmac("HmacSHA256", TestGateways.META_SECRET,
                body.getBytes(StandardCharsets.UTF_8)));
    }
}
