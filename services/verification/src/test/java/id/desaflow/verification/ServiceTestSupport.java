package id.desaflow.verification;

import com.github.tomakehurst.wiremock.WireMockServer;
import id.desaflow.contracts.events.Applicant;
import id.desaflow.contracts.events.AttachmentRef;
import id.desaflow.contracts.events.EventType;
import id.desaflow.contracts.events.RequestRevised;
import id.desaflow.contracts.events.RequestSubmitted;
import id.desaflow.contracts.events.Topics;
import id.desaflow.platform.messaging.IncomingEvent;
import id.desaflow.platform.outbox.EventPublisher;
import id.desaflow.platform.outbox.OutboxMessage;
import id.desaflow.platform.test.EventRecorder;
import id.desaflow.platform.test.InProcessMongo;
import id.desaflow.verification.registry.PopulationRegistry;
import id.desaflow.verification.registry.Resident;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcBuilderCustomizer;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import id.desaflow.platform.security.HeaderActorFilter;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The running service on an embedded KRaft broker and an in-process MongoDB, with the demo registry seeded and the
 * Dukcapil check switched on against WireMock (answering "match" unless a test says otherwise), with short timeouts
 * and waits so outages play out in seconds. Every service test extends this unchanged, so they all share one cached
 * Spring context.
 */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "desaflow.demo-seed=true",
        // one partition: events of different requests keep their order, so a later request can mark "processed"
        "desaflow.kafka.partitions=1",
        "logging.structured.format.console=",
        "desaflow.dukcapil.enabled=true",
        "desaflow.dukcapil.timeout=1s",
        "desaflow.dukcapil.connect-timeout=1s",
        "desaflow.dukcapil.retry-interval=300ms",
        "resilience4j.circuitbreaker.instances.dukcapil.minimum-number-of-calls=3",
        "resilience4j.circuitbreaker.instances.dukcapil.sliding-window-size=5",
        "resilience4j.circuitbreaker.instances.dukcapil.wait-duration-in-open-state=1s",
        "resilience4j.circuitbreaker.instances.dukcapil.slow-call-duration-threshold=900ms",
        "resilience4j.retry.instances.dukcapil.max-attempts=2",
        "resilience4j.retry.instances.dukcapil.wait-duration=50ms",
        "desaflow.registry.import.max-size=2MB"})
@EmbeddedKafka(kraft = true, partitions = 1)
@InProcessMongo
@AutoConfigureMockMvc
@Import({ServiceTestSupport.QuickMongoShutdown.class, ServiceTestSupport.ActingAsVillageAdmin.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServiceTestSupport {
    public static final String BEJI = TestResidents.BEJI;
    /** Who acts in a test that names nobody. */
    public static final String ADMIN = "admin.beji";
    /** Seeded residents (see README.md); a test that verifies one of them uses another letter type than the rest. */
    public static final String SRI_NIK = "3309016108790002";
    public static final String DECEASED_NIK = "3309011702380008";
    public static final String OTHER_VILLAGE_NIK = "3309010210740043";
    public static final String UNKNOWN_NIK = "3309016108790999";
    public static final String DUKCAPIL_MATCH = "{\"found\":true,\"match\":true,\"fields\":{\"nama\":true,"
            + "\"tanggalLahir\":true}}";

    /** Plays the Dukcapil API for the whole test JVM (the port must be known before the context starts). */
    protected static final WireMockServer DUKCAPIL = new WireMockServer(options().dynamicPort());

    static {
        DUKCAPIL.start();
        answerMatchForEveryone();
    }

    @DynamicPropertySource
    static void dukcapil(DynamicPropertyRegistry properties) {
        properties.add("desaflow.dukcapil.base-url", DUKCAPIL::baseUrl);
    }

    protected static void answerMatchForEveryone() {
        DUKCAPIL.resetAll();
        DUKCAPIL.stubFor(post(urlEqualTo("/api/v1/nik/verify")).willReturn(okJson(DUKCAPIL_MATCH)));
    }

    /**
     * {@code @InProcessMongo} stops its server when the context starts closing, while the outbox relay may still
     * be polling; without this the relay waits the default 30 s for a server and delays the JVM's exit.
     */
    /**
     * The service runs in open mode here, where the caller names the actor in headers: a request that names nobody
     * comes from {@link #ADMIN}, the admin of Desa Beji, who may read, correct and import its registry.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class ActingAsVillageAdmin {
        @Bean
        MockMvcBuilderCustomizer actingAsVillageAdmin() {
            return builder -> builder.defaultRequest(MockMvcRequestBuilders.get("/")
                    .header(HeaderActorFilter.USER_HEADER, ADMIN)
                    .header(HeaderActorFilter.GROUPS_HEADER, "desa:" + BEJI + ":admin-desa"));
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class QuickMongoShutdown {
        @Bean
        MongoClientSettingsBuilderCustomizer shortServerSelection() {
            return settings -> settings.applyToClusterSettings(c -> c.serverSelectionTimeout(2, TimeUnit.SECONDS));
        }
    }

    @Autowired
    protected EventPublisher publisher;
    @Autowired
    protected PopulationRegistry registry;
    /** This context's own broker: a class with another context (tokens on) starts a second one. */
    @Autowired
    private EmbeddedKafkaBroker broker;
    protected String brokers;
    protected EventRecorder verificationEvents;

    @BeforeAll
    void startRecording() {
        brokers = broker.getBrokersAsString();
        verificationEvents = new EventRecorder(brokers, Topics.VERIFICATION);
    }

    @AfterAll
    void stopRecording() {
        verificationEvents.close();
    }

    protected static String newRequestId() {
        return UUID.randomUUID().toString();
    }

    /** Registers a resident of its own for one test. */
    protected Resident registered(TestResidents.Builder resident) {
        return registry.save(resident.build());
    }

    /** An SKU request by this resident with the required documents (KTP and pengantar RT). */
    protected static RequestSubmitted submitted(String requestId, Resident resident) {
        return submitted(requestId, resident.nik(), resident.name());
    }

    protected static RequestSubmitted submitted(String requestId, String nik, String name) {
        return request(requestId, "surat-keterangan-usaha", nik, name,
                Map.of("namaUsaha", "Warung Jamu Sri Rejeki", "jenisUsaha", "Warung", "alamatUsaha",
                        "Dukuh Beji RT 001 RW 001", "keperluan", "Pengajuan kredit usaha"),
                List.of(document("ktp"), document("pengantar-rt")));
    }

    protected static RequestSubmitted request(String requestId, String letterType, String nik, String name,
            Map<String, String> data, List<AttachmentRef> attachments) {
        return new RequestSubmitted(requestId, "TST-" + requestId.substring(0, 6).toUpperCase(), letterType, BEJI,
                new Applicant(nik, name, "081234567890", "warga@example.id"), data, "ONLINE", Instant.now(),
                attachments);
    }

    protected static AttachmentRef document(String kind) {
        return new AttachmentRef(UUID.randomUUID().toString(), kind, "image/jpeg", 20_480, "0".repeat(64));
    }

    protected static RequestRevised revised(RequestSubmitted s, int revision, String name, Map<String, String> data) {
        return revised(s, revision, name, data, s.attachments());
    }

    protected static RequestRevised revised(RequestSubmitted s, int revision, String name, Map<String, String> data,
            List<AttachmentRef> attachments) {
        return new RequestRevised(s.requestId(), s.trackingCode(), s.letterType(), s.villageCode(), revision,
                new Applicant(s.applicant().nik(), name, s.applicant().phone(), s.applicant().email()), data,
                Instant.now(), attachments);
    }

    /** Publishes as intake (or approval) does; returns the message so a test can publish the same event again. */
    protected OutboxMessage publish(String requestId, Record event) {
        OutboxMessage message = OutboxMessage.of(requestId, event);
        publisher.publish(message);
        return message;
    }

    /** The first decision (verified, failed or returned) about the request. */
    protected IncomingEvent awaitVerificationOf(String requestId) {
        return verificationEvents.await(e -> requestId.equals(e.subject())
                && (e.type().equals(EventType.REQUEST_VERIFIED.type())
                || e.type().equals(EventType.VERIFICATION_FAILED.type())
                || e.type().equals(EventType.RETURNED_FOR_REVISION.type())));
    }
}
