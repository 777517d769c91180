package id.desaflow.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.desaflow.contracts.events.Topics;
import id.desaflow.platform.outbox.EventPublisher;
import id.desaflow.platform.outbox.OutboxMessage;
import id.desaflow.platform.test.EventRecorder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP and Kafka helpers of the service tests. Every class checks after each test that every event read so far
 * (the service's own on desaflow.intake and the fixtures the tests published) conforms to its JSON Schema: the
 * contract test of produced events.
 */
@IntakeServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServiceTestSupport {
    protected static final String VALID_NIK = "3309014508900001";
    protected static final String BEJI = "3309012004";
    protected static final String SKU = "surat-keterangan-usaha";
    /** A type no DesaFlow service knows: published on purpose to show it is ignored, so not a violation. */
    protected static final String FOREIGN_TYPE = "desaflow.test.foreign.v1";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;
    @Value("${spring.embedded.kafka.brokers}")
    protected String brokers;
    @Autowired
    protected ObjectMapper json;
    @Autowired
    protected EventPublisher publisher;

    protected EventRecorder recorder;

    @BeforeAll
    void startRecorder() {
        recorder = new EventRecorder(brokers, Topics.INTAKE, Topics.VERIFICATION, Topics.APPROVAL,
                Topics.NOTIFICATION);
    }

    @AfterEach
    void everyEventKeepsTheContract() {
        recorder.poll();
        assertThat(recorder.contractViolations()).filteredOn(v -> !v.equals("unknown type " + FOREIGN_TYPE))
                .isEmpty();
    }

    @AfterAll
    void stopRecorder() {
        recorder.close();
    }

    protected record Response(int status, String contentType, String location, String body, JsonNode json) {
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

    protected Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
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

    protected void publish(String requestId, Record event) {
        publisher.publish(OutboxMessage.of(requestId, event));
    }

    /** A valid SKU submission; {@code name} lets a test find (or miss) its own request in the events. */
    protected static Map<String, Object> validSubmission(String name) {
        return Map.of("letterType", SKU, "villageCode", BEJI,
                "applicant", Map.of("nik", VALID_NIK, "name", name, "phone", "081234567890",
                        "email", "sri@example.id"),
                "data", validData());
    }

    protected static Map<String, Object> validData() {
        return Map.of("namaUsaha", "Warung Makan Sri Rejeki", "jenisUsaha", "Kuliner",
                "alamatUsaha", "Dusun Bulu RT 02/RW 01, Desa Beji", "mulaiUsaha", "2019",
                "keperluan", "Pengajuan Kredit Usaha Rakyat");
    }
}
