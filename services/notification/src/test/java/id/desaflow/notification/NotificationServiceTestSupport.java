package id.desaflow.notification;

import id.desaflow.contracts.events.Applicant;
import id.desaflow.contracts.events.RequestSubmitted;
import id.desaflow.contracts.events.Topics;
import id.desaflow.platform.outbox.EventPublisher;
import id.desaflow.platform.outbox.OutboxMessage;
import id.desaflow.platform.test.EventRecorder;
import id.desaflow.platform.test.InProcessMongo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One Spring context for every service test class (same configuration, so it is cached): embedded KRaft Kafka,
 * in-process MongoDB, a GreenMail SMTP server, and timings shortened so retries happen within seconds.
 */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "desaflow.logging.format=",
        "desaflow.outbox.poll-interval=100ms",
        "desaflow.notification.dispatch-interval=100ms",
        "desaflow.notification.delivery.initial-backoff=200ms",
        "desaflow.notification.delivery.max-backoff=1s",
        "desaflow.notification.delivery.max-attempts=50",
        "desaflow.kafka.backoff-initial=200ms",
        "desaflow.kafka.backoff-max=1s",
        "desaflow.kafka.retries=30",
        "resilience4j.circuitbreaker.instances.smtp.wait-duration-in-open-state=500ms",
        "spring.mail.properties[mail.smtp.connectiontimeout]=2000",
        "spring.mail.properties[mail.smtp.timeout]=2000"})
@EmbeddedKafka(kraft = true, partitions = 1)
@InProcessMongo
@AutoConfigureMockMvc
@Import(NotificationServiceTestSupport.ShortMongoTimeouts.class)
abstract class NotificationServiceTestSupport {
    static final String VILLAGE = "3309012004";
    static final String LETTER_TYPE = "surat-keterangan-usaha";
    private static EventRecorder recorder;
    private static String recorderBrokers;

    @Autowired
    EventPublisher publisher;

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

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> TestSmtp.PORT);
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

    synchronized EventRecorder recorder() {
        if (recorder == null || !brokers.equals(recorderBrokers)) {
            recorder = new EventRecorder(brokers, Topics.INTAKE, Topics.VERIFICATION, Topics.APPROVAL,
                    Topics.NOTIFICATION);
            recorderBrokers = brokers;
        }
        return recorder;
    }

    OutboxMessage publish(String requestId, Record event) {
        OutboxMessage message = OutboxMessage.of(requestId, event);
        publisher.publish(message);
        return message;
    }

    static String newRequestId() {
        return UUID.randomUUID().toString();
    }

    static String newTrackingCode() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder code = new StringBuilder("DF-");
        for (int i = 0; i < 6; i++) {
            code.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return code.toString();
    }

    static String newEmail(String localPrefix) {
        return localPrefix + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.id";
    }

    static RequestSubmitted submitted(String requestId, String trackingCode, String email) {
        return new RequestSubmitted(requestId, trackingCode, LETTER_TYPE, VILLAGE,
                new Applicant("3309014508900001", "Sri Wahyuni", "081234567890", email),
                Map.of("namaUsaha", "Warung Makan Bu Sri", "jenisUsaha", "Kuliner"), "ONLINE", Instant.now());
    }
}
