package id.desaflow.intake;

import id.desaflow.platform.security.HeaderActorFilter;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.desaflow.contracts.events.Topics;
import id.desaflow.platform.outbox.EventPublisher;
import id.desaflow.platform.outbox.OutboxMessage;
import id.desaflow.platform.test.EventRecorder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * HTTP and Kafka helpers of the service tests. Every class checks after each test, and once more after reading
 * everything at its end, that every event read (the service's own on desaflow.intake and the fixtures the tests
 * published) conforms to its JSON Schema: the contract test of produced events.
 */
@IntakeServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServiceTestSupport {
    /** A valid NIK for inputs that never become a request; submissions take {@link #nextNik()}. */
    protected static final String VALID_NIK = "3309014508900001";
    private static final AtomicInteger NIK_SEQUENCE = new AtomicInteger();
    protected static final String BEJI = "3309012004";
    protected static final String SKU = "surat-keterangan-usaha";
    /** Who acts in a test that names nobody: an operator of Desa Beji. */
    protected static final String OPERATOR = "operator-beji";
    /** A type no DesaFlow service knows: published on purpose to show it is ignored, so not a violation. */
    protected static final String FOREIGN_TYPE = "desaflow.test.foreign.v1";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;
    /** This context's own broker: a class with another context (tokens on) starts a second one. */
    @Autowired
    private EmbeddedKafkaBroker broker;
    protected String brokers;
    @Autowired
    protected ObjectMapper json;
    @Autowired
    protected EventPublisher publisher;
    @Autowired
    protected MongoTemplate mongo;

    protected EventRecorder recorder;

    @BeforeAll
    void startRecorder() {
        brokers = broker.getBrokersAsString();
        recorder = new EventRecorder(brokers, Topics.INTAKE, Topics.INTAKE_LETTER_TYPES, Topics.VERIFICATION,
                Topics.APPROVAL, Topics.NOTIFICATION);
    }

    /** Checks what was read so far (tests awaiting events read them); polling here would cost every test 200 ms. */
    @AfterEach
    void everyEventKeepsTheContract() {
        assertThat(recorder.contractViolations()).filteredOn(v -> !v.equals("unknown type " + FOREIGN_TYPE))
                .isEmpty();
    }

    @AfterAll
    void stopRecorder() {
        try {
            recorder.poll();
            everyEventKeepsTheContract();
        } finally {
            recorder.close();
        }
    }

    public record Response(int status, String contentType, String location, String body, JsonNode json) {
        public JsonNode get(String field) {
            return json.get(field);
        }
    }

    protected Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    protected Response post(String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    protected Response post(String path, Object body, String... headers) {
        return post(path, toJson(body), headers);
    }

    /** A file part of a multipart body. */
    public record FilePart(String name, String filename, String contentType, byte[] bytes) {
    }

    /** The documents an SKU requires: the KTP (a JPEG photo) and the RT/RW cover letter (a PDF scan). */
    protected static List<FilePart> skuFiles() {
        return List.of(new FilePart("ktp", "ktp.jpg", "image/jpeg", TestFiles.jpeg()),
                new FilePart("pengantar-rt", "pengantar.pdf", "application/pdf", TestFiles.pdf()));
    }

    /** Submits {@code body} as multipart with the SKU's required documents. */
    protected Response submit(Object body, String... headers) {
        return postMultipart("/api/v1/requests", toJson(body), skuFiles(), headers);
    }

    protected Response postMultipart(String path, String json, List<FilePart> files, String... headers) {
        String boundary = "----desaflow" + UUID.randomUUID();
        return postRaw(path, "multipart/form-data; boundary=" + boundary, multipart(boundary, json, files), headers);
    }

    protected Response postRaw(String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(
                body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** A multipart/form-data body: part "request" with {@code json} (if not null), then the files. */
    protected static byte[] multipart(String boundary, String json, List<FilePart> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (json != null) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"request\"\r\n"
                    + "Content-Type: application/json\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(json.getBytes(StandardCharsets.UTF_8));
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        for (FilePart file : files) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.name() + "\""
                    + (file.filename() == null ? "" : "; filename=\"" + file.filename() + "\"") + "\r\n"
                    + (file.contentType() == null ? "" : "Content-Type: " + file.contentType() + "\r\n") + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.writeBytes(file.bytes());
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    public record Download(int status, java.net.http.HttpHeaders headers, byte[] body) {
        public JsonNode json(ObjectMapper json) {
            try {
                return json.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    protected Download download(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            HttpResponse<byte[]> response = http.send(actingAsOperatorUnlessNamed(request.build()),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(actingAsOperatorUnlessNamed(request),
                    HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            JsonNode node = body == null || body.isBlank() ? null : json.readTree(body);
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("Location").orElse(null), body, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The service runs in open mode here, where the caller names the actor in headers. A test that names nobody acts
     * as {@link #OPERATOR}, an operator of Desa Beji entering requests for residents at the counter.
     */
    private static HttpRequest actingAsOperatorUnlessNamed(HttpRequest request) {
        Optional<String> user = request.headers().firstValue(HeaderActorFilter.USER_HEADER);
        boolean groups = request.headers().firstValue(HeaderActorFilter.GROUPS_HEADER).isPresent();
        if (user.isPresent() && (groups || !user.get().equals(OPERATOR))) {
            return request;
        }
        HttpRequest.Builder named = HttpRequest.newBuilder(request, (name, value) -> true);
        if (user.isEmpty()) {
            named.header(HeaderActorFilter.USER_HEADER, OPERATOR);
        }
        if (!groups) {
            named.header(HeaderActorFilter.GROUPS_HEADER, "desa:" + BEJI + ":operator");
        }
        return named.build();
    }

    protected URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    protected String toJson(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until every saved request's outbox is published, then gives the end offset of desaflow.intake. */
    protected long publishedSoFar() {
        await().atMost(Duration.ofSeconds(15)).until(() -> mongo.getCollection("letter_requests").find()
                .projection(new Document("outbox", 1)).into(new ArrayList<>()).stream()
                .allMatch(d -> d.getList("outbox", Object.class, List.of()).isEmpty()));
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                brokers), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.INTAKE).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    protected void publish(String requestId, Record event) {
        publisher.publish(OutboxMessage.of(requestId, event));
    }

    /** A valid SKU submission (without its documents) by a resident with a fresh NIK. */
    protected static Map<String, Object> validSubmission(String name) {
        return validSubmission(name, nextNik());
    }

    protected static Map<String, Object> validSubmission(String name, String nik) {
        return Map.of("letterType", SKU, "villageCode", BEJI,
                "applicant", Map.of("nik", nik, "name", name, "phone", "081234567890",
                        "email", "sri@example.id"),
                "data", validData());
    }

    /** A fresh valid NIK of Kecamatan Andong, so tests never meet the one-open-request rule by accident. */
    protected static String nextNik() {
        int n = NIK_SEQUENCE.incrementAndGet();
        return String.format("330901%02d0590%04d", 1 + (n / 9999) % 28, 1 + n % 9999);
    }

    protected static Map<String, Object> validData() {
        return Map.of("namaUsaha", "Warung Makan Sri Rejeki", "jenisUsaha", "Kuliner",
                "alamatUsaha", "Dusun Bulu RT 02/RW 01, Desa Beji", "mulaiUsaha", "2019",
                "keperluan", "Pengajuan Kredit Usaha Rakyat");
    }
}
