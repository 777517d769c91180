package id.desaflow.approval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.desaflow.contracts.events.Applicant;
import id.desaflow.contracts.events.CheckResult;
import id.desaflow.contracts.events.EventType;
import id.desaflow.contracts.events.LetterIssued;
import id.desaflow.contracts.events.RequestVerified;
import id.desaflow.contracts.events.Topics;
import id.desaflow.platform.outbox.EventPublisher;
import id.desaflow.platform.outbox.OutboxMessage;
import id.desaflow.platform.security.Actor;
import id.desaflow.platform.security.Roles;
import id.desaflow.platform.test.EventRecorder;
import id.desaflow.platform.test.security.AuthorizationMatrix;
import id.desaflow.platform.test.security.TestActors;
import id.desaflow.platform.test.security.TestTokenIssuer;
import id.desaflow.platform.test.security.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static id.desaflow.platform.test.security.TestActors.RESIDENT_A_NIK;
import static id.desaflow.platform.test.security.TestActors.VILLAGE_X;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 3: every approval endpoint x every kind of caller, with real signed tokens. Officials work only their own
 * village's and role's tasks (another group's task does not exist for them: 404); an issued letter is for its
 * applicant, its village's officials and administrators (anyone else: 404); only administrators revoke; the letter
 * check is anonymous. Its own engine database, so the lists count only this class's work.
 */
@TestTokenIssuer
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:approval-matrix;DB_CLOSE_DELAY=-1")
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest extends SpringServiceTest {
    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventPublisher publisher;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    JdbcTemplate jdbc;

    private EventRecorder approvalEvents;
    private String kasiTask;
    private String letterRequest;
    private String letterNumber;
    private String trackingCode;
    private String verificationCode;

    @BeforeAll
    void fixtures() throws Exception {
        approvalEvents = new EventRecorder(broker.getBrokersAsString(), Topics.APPROVAL);
        // a request of resident A that the three officials of village X approve: the issued letter
        letterRequest = UUID.randomUUID().toString();
        publisher.publish(OutboxMessage.of(letterRequest, verifiedForResidentA(letterRequest)));
        for (String role : List.of(Roles.KASI_PELAYANAN, Roles.SEKDES, Roles.KADES)) {
            Actor official = TestActors.official(VILLAGE_X, role);
            String task = awaitTask(official, letterRequest);
            assertThat(call(HttpMethod.POST, "/api/v1/tasks/" + task + "/complete", official,
                    Map.of("decision", "APPROVE")).getStatusCode().value()).isEqualTo(200);
        }
        LetterIssued issued = approvalEvents.awaitType(EventType.LETTER_ISSUED, letterRequest).payload(
                LetterIssued.class);
        letterNumber = issued.letterNumber();
        trackingCode = jdbc.queryForObject("SELECT tracking_code FROM issued_letter WHERE request_id = ?",
                String.class, letterRequest);
        verificationCode = jdbc.queryForObject("SELECT verification_code FROM issued_letter WHERE request_id = ?",
                String.class, letterRequest);
        // a second request, waiting for the kasi pelayanan of village X
        String waiting = UUID.randomUUID().toString();
        publisher.publish(OutboxMessage.of(waiting, verifiedForResidentA(waiting)));
        kasiTask = awaitTask(TestActors.official(VILLAGE_X, Roles.KASI_PELAYANAN), waiting);
    }

    @AfterAll
    void close() {
        approvalEvents.close();
    }

    @Test
    void everyEndpointAnswersEachCallerAsTheRulesSay() throws Exception {
        //  columns: anon resA resB | operator rt rw kadus kasi-pelayanan kasi-pemerintahan sekdes kades (X, Y each)
        //           | admin-desa X, admin-desa Y, admin-kecamatan
        String letterReaders = "401 200 404 | 200 404 200 404 200 404 200 404 200 404 200 404 200 404 200 404 "
                + "| 200 404 200";
        AuthorizationMatrix<Request> matrix = new AuthorizationMatrix<Request>()
                .row("GET  my inbox", () -> new Request(HttpMethod.GET, "/api/v1/tasks", null),
                        "401 403 403 | 200:0 200:0 200:0 200:0 200:0 200:0 200:0 200:0 200:1 200:0 200:0 200:0 "
                                + "200:0 200:0 200:0 200:0 | 200:0 200:0 403")
                .row("GET  my inbox's counts", () -> new Request(HttpMethod.GET, "/api/v1/tasks/counts", null),
                        "401 403 403 | 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 | 200 200 403")
                .row("GET  the kasi's task", () -> new Request(HttpMethod.GET, "/api/v1/tasks/" + kasiTask, null),
                        "401 403 403 | 404 404 404 404 404 404 404 404 200 404 404 404 404 404 404 404 | 404 404 403")
                .row("POST claim it", () -> new Request(HttpMethod.POST, "/api/v1/tasks/" + kasiTask + "/claim",
                                null),
                        "401 403 403 | 404 404 404 404 404 404 404 404 200 404 404 404 404 404 404 404 | 404 404 403")
                .row("POST unclaim it", () -> new Request(HttpMethod.POST, "/api/v1/tasks/" + kasiTask + "/unclaim",
                                null),
                        "401 403 403 | 404 404 404 404 404 404 404 404 200 404 404 404 404 404 404 404 | 404 404 403")
                .row("POST decide it", () -> new Request(HttpMethod.POST, "/api/v1/tasks/" + kasiTask + "/complete",
                                Map.of("decision", "APPROVE")),
                        "401 403 403 | 404 404 404 404 404 404 404 404 200 404 404 404 404 404 404 404 | 404 404 403")
                .row("GET  the letter by number", () -> new Request(HttpMethod.GET, "/api/v1/letters/"
                        + letterNumber, null), letterReaders)
                .row("GET  the letter's PDF", () -> new Request(HttpMethod.GET, "/api/v1/letters/" + trackingCode
                        + "/pdf", null), letterReaders)
                .row("GET  the approval audit", () -> new Request(HttpMethod.GET, "/api/v1/requests/" + letterRequest
                                + "/audit", null),
                        "401 404 404 | 200 404 200 404 200 404 200 404 200 404 200 404 200 404 200 404 | 200 404 200")
                // one official's trail: for administrators (of other villages: empty) and the official themself
                .row("GET  the kades X's audit", () -> new Request(HttpMethod.GET, "/api/v1/audit/officials/"
                                + TestActors.official(VILLAGE_X, Roles.KADES).userId(), null),
                        "401 403 403 | 403 403 403 403 403 403 403 403 403 403 403 403 403 403 200 403 | 200 200 200")
                .row("GET  the public letter check", () -> new Request(HttpMethod.GET, "/api/v1/public/letters/"
                                + verificationCode, null),
                        "200 200 200 | 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 | 200 200 200")
                // only administrators revoke; the first one does, the admin kecamatan then finds it revoked
                .row("POST revoke the letter", () -> new Request(HttpMethod.POST, "/api/v1/letters/" + trackingCode
                                + "/revocation", Map.of("reason", "Uji matriks")),
                        "401 403 404 | 403 404 403 404 403 404 403 404 403 404 403 404 403 404 403 404 | 200 404 409");

        assertThat(matrix.differences(this::status)).isEmpty();
    }

    @Test
    void tokensThatAreExpiredForeignOrFromAnotherIssuerAreRefused() {
        Actor kasi = TestActors.official(VILLAGE_X, Roles.KASI_PELAYANAN);
        for (String token : TestTokens.shared().refusedBearers(kasi)) {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.AUTHORIZATION, token);
            assertThat(http.exchange("/api/v1/tasks", HttpMethod.GET, new HttpEntity<>(headers), String.class)
                    .getStatusCode().value()).isEqualTo(401);
        }
        // with tokens on, the open-mode headers name nobody
        HttpHeaders named = new HttpHeaders();
        named.set("X-DesaFlow-User", "kasi.beji");
        named.set("X-DesaFlow-Groups", "desa:" + VILLAGE_X + ":kasi-pelayanan");
        assertThat(http.exchange("/api/v1/tasks", HttpMethod.GET, new HttpEntity<>(named), String.class)
                .getStatusCode().value()).isEqualTo(401);
    }

    private record Request(HttpMethod method, String path, Object body) {
    }

    private String status(Request request, Actor caller, String expected) throws Exception {
        ResponseEntity<String> answer = call(request.method(), request.path(), caller, request.body());
        int status = answer.getStatusCode().value();
        if (!expected.contains(":") || status != 200) {
            return String.valueOf(status);
        }
        return status + ":" + json.readTree(answer.getBody()).size();
    }

    private ResponseEntity<String> call(HttpMethod method, String path, Actor caller, Object body) {
        HttpHeaders headers = new HttpHeaders();
        if (caller != null) {
            headers.set(HttpHeaders.AUTHORIZATION, TestTokens.shared().bearer(caller));
        }
        if (body != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    private String awaitTask(Actor official, String requestId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode tasks = json.readTree(call(HttpMethod.GET, "/api/v1/tasks", official, null).getBody());
            for (JsonNode task : tasks) {
                if (requestId.equals(task.path("requestId").asText())) {
                    return task.path("id").asText();
                }
            }
            return null;
        }, id -> id != null);
    }

    private static RequestVerified verifiedForResidentA(String requestId) {
        RequestVerified template = verified(requestId, 0, Map.of("namaUsaha", "Warung Sri", "jenisUsaha", "Kuliner",
                "alamatUsaha", "Dusun Beji", "keperluan", "Pengajuan KUR"));
        return new RequestVerified(template.requestId(), template.trackingCode(), template.letterType(),
                template.villageCode(), template.dusun(), template.revision(),
                new Applicant(RESIDENT_A_NIK, "Sri Wahyuni", "081234567890", "sri@example.id"), template.data(),
                List.of(new CheckResult("nik-terdaftar", true, "NIK terdaftar di Desa Beji")), Instant.now(),
                RequestVerified.VERIFIED);
    }
}
