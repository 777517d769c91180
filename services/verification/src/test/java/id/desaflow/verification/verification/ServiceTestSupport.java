package id.desaflow.verification.verification;

import id.desaflow.contracts.events.Applicant;
import id.desaflow.contracts.events.EventType;
import id.desaflow.contracts.events.RequestRevised;
import id.desaflow.contracts.events.AttachmentRef;
import id.desaflow.contracts.events.RequestSubmitted;
import id.desaflow.contracts.events.Topics;
import id.desaflow.platform.messaging.IncomingEvent;
import id.desaflow.platform.outbox.EventPublisher;
import id.desaflow.platform.outbox.OutboxMessage;
import id.desaflow.platform.test.EventRecorder;
import id.desaflow.platform.test.InProcessMongo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The running service on an embedded KRaft broker and an in-process MongoDB, with the demo registry seeded. Every
 * service test extends this unchanged, so they all share one cached Spring context.
 */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "desaflow.demo-seed=true",
        // one partition: events of different requests keep their order, so a later request can mark "processed"
        "desaflow.kafka.partitions=1",
        "logging.structured.format.console="})
@EmbeddedKafka(kraft = true, partitions = 1)
@InProcessMongo
@AutoConfigureMockMvc
@Import(ServiceTestSupport.QuickMongoShutdown.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServiceTestSupport {
    static final String BEJI = "3309012004";
    /** Seeded residents (see README.md). */
    static final String SRI_NIK = "3309016108790002";
    static final String DECEASED_NIK = "3309011702380008";
    static final String OTHER_VILLAGE_NIK = "3309010210740043";
    static final String UNKNOWN_NIK = "3309016108790999";

    /**
     * {@code @InProcessMongo} stops its server when the context starts closing, while the outbox relay may still
     * be polling; without this the relay waits the default 30 s for a server and delays the JVM's exit.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class QuickMongoShutdown {
        @Bean
        MongoClientSettingsBuilderCustomizer shortServerSelection() {
            return settings -> settings.applyToClusterSettings(c -> c.serverSelectionTimeout(2, TimeUnit.SECONDS));
        }
    }

    @Autowired
    EventPublisher publisher;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    EventRecorder verificationEvents;

    @BeforeAll
    void startRecording() {
        verificationEvents = new EventRecorder(brokers, Topics.VERIFICATION);
    }

    @AfterAll
    void stopRecording() {
        verificationEvents.close();
    }

    static String newRequestId() {
        return UUID.randomUUID().toString();
    }

    static RequestSubmitted submitted(String requestId, String nik, String name) {
        return new RequestSubmitted(requestId, "SKU-" + requestId.substring(0, 6).toUpperCase(),
                "surat-keterangan-usaha", BEJI, new Applicant(nik, name, "081234567890", "warga@example.id"),
                Map.of("namaUsaha", "Warung Jamu Sri Rejeki", "alamatUsaha", "Dukuh Beji RT 001 RW 001"), "ONLINE",
                Instant.now(), List.of(document("ktp"), document("pengantar-rt")));
    }

    static AttachmentRef document(String kind) {
        return new AttachmentRef(UUID.randomUUID().toString(), kind, "image/jpeg", 20_480, "0".repeat(64));
    }

    static RequestRevised revised(RequestSubmitted s, int revision, String name, Map<String, String> data) {
        return new RequestRevised(s.requestId(), s.trackingCode(), s.letterType(), s.villageCode(), revision,
                new Applicant(s.applicant().nik(), name, s.applicant().phone(), s.applicant().email()), data,
                Instant.now(), s.attachments());
    }

    /** Publishes as intake does; returns the message so a test can publish the very same event again. */
    OutboxMessage publish(String requestId, Record event) {
        OutboxMessage message = OutboxMessage.of(requestId, event);
        publisher.publish(message);
        return message;
    }

    IncomingEvent awaitVerificationOf(String requestId) {
        return verificationEvents.await(e -> requestId.equals(e.subject())
                && (e.type().equals(EventType.REQUEST_VERIFIED.type())
                || e.type().equals(EventType.VERIFICATION_FAILED.type())
                || e.type().equals(EventType.RETURNED_FOR_REVISION.type())));
    }
}
