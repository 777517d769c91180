package id.desaflow.approval.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.desaflow.approval.SpringServiceTest;
import id.desaflow.contracts.events.ApprovalTaskCreated;
import id.desaflow.contracts.events.EventJson;
import id.desaflow.contracts.events.EventType;
import id.desaflow.contracts.events.CheckResult;
import id.desaflow.contracts.events.RequestVerified;
import id.desaflow.contracts.events.LetterIssued;
import id.desaflow.contracts.events.LetterRevoked;
import id.desaflow.contracts.events.RequestCancelled;
import id.desaflow.contracts.events.RequestRejected;
import id.desaflow.contracts.events.RevisionRequested;
import id.desaflow.contracts.events.Topics;
import id.desaflow.platform.messaging.IncomingEvent;
import id.desaflow.platform.outbox.EventPublisher;
import id.desaflow.platform.outbox.OutboxMessage;
import id.desaflow.platform.test.EventRecorder;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The approval service end to end: Kafka in, officials' HTTP decisions, Kafka out (checked against the schemas). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApprovalServiceTest extends SpringServiceTest {
    private static final String KASI = "desa:" + VILLAGE + ":kasi-pelayanan";
    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    EventPublisher publisher;
    @Autowired
    TestRestTemplate http;
    @Autowired
    HistoryService history;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    /** This context's own broker (a class with tokens on starts a second one). */
    @Autowired
    org.springframework.kafka.test.EmbeddedKafkaBroker broker;

    EventRecorder approvalEvents;

    @BeforeAll
    void recorder() {
        approvalEvents = new EventRecorder(broker.getBrokersAsString(), Topics.APPROVAL);
    }

    @AfterAll
    void close() {
        approvalEvents.close();
    }

    /** The contract test: every event the service published so far matches its JSON Schema, key = subject. */
    @AfterEach
    void everythingPublishedKeepsTheContract() {
        approvalEvents.poll();
        assertThat(approvalEvents.contractViolations()).isEmpty();
    }

    @Test
    void verifiedRequestIsApprovedThreeTimesAndTheLetterIssued() throws Exception {
        String requestId = UUID.randomUUID().toString();
        publish(verified(requestId, 0, Map.of("namaUsaha", "Warung Makan Bu Siti")));

        String kasiTask = taskCreated(requestId, "kasi-pelayanan").taskId();
        JsonNode inbox = body(http.getForEntity("/api/v1/tasks?group=" + KASI, String.class));
        assertThat(inbox.findValuesAsText("id")).contains(kasiTask);

        ResponseEntity<String> claimed = post("/api/v1/tasks/" + kasiTask + "/claim", "siti.kasi", null);
        assertThat(claimed.getStatusCode().value()).isEqualTo(200);
        assertThat(body(claimed).path("assignee").asText()).isEqualTo("siti.kasi");
        assertThat(body(claimed).path("role").asText()).isEqualTo("kasi-pelayanan");
        assertThat(post("/api/v1/tasks/" + kasiTask + "/complete", "siti.kasi",
                Map.of("decision", "APPROVE")).getStatusCode().value()).isEqualTo(200);

        String sekdesTask = taskCreated(requestId, "sekdes").taskId();
        JsonNode detail = body(http.getForEntity("/api/v1/tasks/" + sekdesTask, String.class));
        assertThat(detail.path("request").path("data").path("namaUsaha").asText()).isEqualTo("Warung Makan Bu Siti");
        assertThat(detail.path("request").path("applicantNik").asText()).doesNotContain("3309014107900001");
        assertThat(detail.path("history").get(0).path("decision").asText()).isEqualTo("APPROVE");
        assertThat(detail.path("history").get(0).path("completedBy").asText()).isEqualTo("siti.kasi");
        assertThat(post("/api/v1/tasks/" + sekdesTask + "/claim", "budi.sekdes", null).getStatusCode().value())
                .isEqualTo(200);
        assertThat(post("/api/v1/tasks/" + sekdesTask + "/complete", "budi.sekdes",
                Map.of("decision", "APPROVE", "comment", "Paraf")).getStatusCode().value()).isEqualTo(200);

        ApprovalTaskCreated kades = taskCreated(requestId, "kades");
        assertThat(kades.candidateGroup()).isEqualTo("desa:" + VILLAGE + ":kades");
        // officials' notifications name the letter and the tracking code
        assertThat(kades.letterType()).isEqualTo("surat-keterangan-usaha");
        assertThat(kades.trackingCode()).isNotBlank();
        assertThat(kades.dueAt()).isAfter(kades.createdAt());
        // not claimed first: completing claims it for the actor
        assertThat(post("/api/v1/tasks/" + kades.taskId() + "/complete", "sutrisno",
                Map.of("decision", "APPROVE")).getStatusCode().value()).isEqualTo(200);

        LetterIssued letter = payload(approvalEvents.awaitType(EventType.LETTER_ISSUED, requestId), LetterIssued.class);
        assertThat(letter.letterNumber()).matches("500/\\d{3}/" + VILLAGE + "/(I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)"
                + "/\\d{4}");
        assertThat(letter.signerName()).isEqualTo("Suyanto");
        assertThat(letter.signerPosition()).isEqualTo("Kepala Desa Beji");
        assertThat(approvalEvents.events(EventType.TASK_COMPLETED, requestId)).hasSize(3);

        String kasiOfBeji = "desa:" + VILLAGE + ":kasi-pelayanan";
        JsonNode byNumber = body(as(HttpMethod.GET, "/api/v1/letters/" + letter.letterNumber(), "kasi.beji",
                kasiOfBeji, null, String.class));
        assertThat(byNumber.path("requestId").asText()).isEqualTo(requestId);
        assertThat(byNumber.path("applicantName").asText()).isEqualTo("Siti Aminah");
        assertThat(body(as(HttpMethod.GET, "/api/v1/letters/" + requestId, "nik:3309014107900001", null, null,
                String.class)).path("letterNumber").asText()).isEqualTo(letter.letterNumber());
        // someone else's letter does not exist for them
        assertThat(as(HttpMethod.GET, "/api/v1/letters/" + requestId, "nik:3309016108790002", null, null,
                String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(as(HttpMethod.GET, "/api/v1/letters/500/999/0000000000/I/2000", "kasi.beji", kasiOfBeji, null,
                String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(http.getForEntity("/api/v1/tasks/" + kades.taskId(), String.class).getStatusCode().value())
                .isEqualTo(404);
    }

    @Test
    void theSignedLetterIsAPdfForItsResidentAndItsQrCodeConfirmsItUntilAnAdministratorRevokesIt() throws Exception {
        String requestId = UUID.randomUUID().toString();
        RequestVerified request = verified(requestId, 0, Map.of("namaUsaha", "Warung Bu Siti", "keperluan", "KUR"));
        publish(request);
        for (String role : List.of("kasi-pelayanan", "sekdes")) {
            assertThat(post("/api/v1/tasks/" + taskCreated(requestId, role).taskId() + "/complete", role + ".beji",
                    Map.of("decision", "APPROVE")).getStatusCode().value()).isEqualTo(200);
        }
        // the kades decides through the portal, which forwards the browser's address (trusted from a local proxy)
        HttpHeaders viaPortal = new HttpHeaders();
        viaPortal.set("X-DesaFlow-User", "kades.beji");
        viaPortal.set("X-Forwarded-For", "203.0.113.7");
        viaPortal.setContentType(MediaType.APPLICATION_JSON);
        assertThat(http.exchange("/api/v1/tasks/" + taskCreated(requestId, "kades").taskId() + "/complete",
                HttpMethod.POST, new HttpEntity<>(Map.of("decision", "APPROVE"), viaPortal), String.class)
                .getStatusCode().value()).isEqualTo(200);
        LetterIssued issued = payload(approvalEvents.awaitType(EventType.LETTER_ISSUED, requestId), LetterIssued.class);
        String pdfPath = "/api/v1/letters/" + request.trackingCode() + "/pdf";

        ResponseEntity<byte[]> mine = as(HttpMethod.GET, pdfPath, "nik:3309014107900001", null, null, byte[].class);
        assertThat(mine.getStatusCode().value()).isEqualTo(200);
        assertThat(mine.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(new String(mine.getBody(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(as(HttpMethod.GET, pdfPath, "x", "desa:" + VILLAGE + ":kasi-pelayanan", null, byte[].class)
                .getStatusCode().value()).as("an official of the village").isEqualTo(200);
        // another resident, an official of another village, nobody: nothing to see, not even that it exists
        assertThat(as(HttpMethod.GET, pdfPath, "nik:3309016108790002", null, null, String.class).getStatusCode()
                .value()).isEqualTo(404);
        assertThat(as(HttpMethod.GET, pdfPath, "y", "desa:3309012005:kasi-pelayanan", null, String.class)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(http.getForEntity(pdfPath, String.class).getStatusCode().value()).isEqualTo(401);

        String code = verificationCode(issued.letterNumber());
        JsonNode genuine = body(http.getForEntity("/api/v1/public/letters/" + code, String.class));
        assertThat(genuine.path("status").asText()).isEqualTo("VALID");
        assertThat(genuine.path("letterNumber").asText()).isEqualTo(issued.letterNumber());
        assertThat(genuine.path("letterLabel").asText()).isEqualTo("Surat Keterangan Usaha");
        assertThat(genuine.path("residentName").asText()).isEqualTo("Siti Aminah");
        assertThat(genuine.toString()).doesNotContain("3309014107900001").doesNotContain("Warung");
        assertThat(http.getForEntity("/api/v1/public/letters/ZZZZZZZZZZZZ", String.class).getStatusCode().value())
                .isEqualTo(404);

        String revocation = "/api/v1/letters/" + request.trackingCode() + "/revocation";
        String admin = "desa:" + VILLAGE + ":admin-desa";
        assertProblem(as(HttpMethod.POST, revocation, "adm", admin, Map.of("reason", " "), String.class), 400, "reason");
        assertThat(as(HttpMethod.POST, revocation, "x", "desa:" + VILLAGE + ":kasi-pelayanan",
                Map.of("reason", "Salah ketik"), String.class).getStatusCode().value()).isEqualTo(403);
        assertThat(as(HttpMethod.POST, revocation, "adm2", "desa:3309012005:admin-desa",
                Map.of("reason", "Salah ketik"), String.class).getStatusCode().value()).isEqualTo(404);
        ResponseEntity<String> revoked = as(HttpMethod.POST, revocation, "admin.beji", admin,
                Map.of("reason", "Data usaha tidak benar"), String.class);
        assertThat(revoked.getStatusCode().value()).isEqualTo(200);
        assertThat(as(HttpMethod.POST, revocation, "admin.beji", admin, Map.of("reason", "lagi"), String.class)
                .getStatusCode().value()).isEqualTo(409);

        LetterRevoked event = payload(approvalEvents.awaitType(EventType.LETTER_REVOKED, requestId),
                LetterRevoked.class);
        assertThat(event.reason()).isEqualTo("Data usaha tidak benar");
        assertThat(event.revokedBy()).isEqualTo("admin.beji");
        assertThat(approvalEvents.events(EventType.LETTER_REVOKED, requestId)).hasSize(1);
        JsonNode afterwards = body(http.getForEntity("/api/v1/public/letters/" + code.toLowerCase(), String.class));
        assertThat(afterwards.path("status").asText()).isEqualTo("REVOKED");
        assertThat(afterwards.path("revocationReason").asText()).isEqualTo("Data usaha tidak benar");

        // the audit trail: who did what, when — for the village's officials and administrators only
        String audit = "/api/v1/requests/" + requestId + "/audit";
        JsonNode trail = body(as(HttpMethod.GET, audit, "admin.beji", admin, null, String.class));
        assertThat(trail.findValuesAsText("action")).containsSubsequence("CREATED", "DECIDED", "CREATED", "DECIDED",
                "CREATED", "DECIDED", "LETTER_ISSUED", "LETTER_REVOKED");
        assertThat(trail.findValuesAsText("actor")).contains("kasi-pelayanan.beji", "sekdes.beji", "kades.beji",
                "admin.beji");
        assertThat(trail.findValuesAsText("action")).contains("CLAIMED");
        assertThat(as(HttpMethod.GET, audit, "x", "desa:" + VILLAGE + ":kasi-pelayanan", null, String.class)
                .getStatusCode().value()).isEqualTo(200);
        assertThat(as(HttpMethod.GET, audit, "adm2", "desa:3309012005:admin-desa", null, String.class)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(as(HttpMethod.GET, audit, "nik:3309014107900001", null, null, String.class).getStatusCode()
                .value()).isEqualTo(404);
        assertThat(http.getForEntity(audit, String.class).getStatusCode().value()).isEqualTo(401);
        // ... and from where: each decision, and the revocation, keeps the client's address
        for (JsonNode entry : trail) {
            if ("LETTER_REVOKED".equals(entry.path("action").asText())) {
                assertThat(entry.path("from").asText()).isEqualTo("127.0.0.1");
            }
            if ("DECIDED".equals(entry.path("action").asText())) {
                assertThat(entry.path("from").asText()).as(entry.toString())
                        .isEqualTo("kades.beji".equals(entry.path("actor").asText()) ? "203.0.113.7" : "127.0.0.1");
            }
        }

        // per official: the village's administrator reads what the kades did, newest first, with the request
        String kadesTrail = "/api/v1/audit/officials/kades.beji";
        JsonNode byKades = body(as(HttpMethod.GET, kadesTrail, "admin.beji", admin, null, String.class));
        JsonNode decision = null;
        for (JsonNode entry : byKades) {
            assertThat(entry.path("actor").asText()).isEqualTo("kades.beji");
            if (requestId.equals(entry.path("requestId").asText()) && "DECIDED".equals(entry.path("action").asText())) {
                decision = entry;
            }
        }
        assertThat(decision).as("the kades's decision on " + requestId).isNotNull();
        assertThat(decision.path("decision").asText()).isEqualTo("APPROVE");
        assertThat(decision.path("from").asText()).isEqualTo("203.0.113.7");
        assertThat(byKades.findValuesAsText("action")).contains("CLAIMED");
        assertThat(body(as(HttpMethod.GET, kadesTrail, "kades.beji", "desa:" + VILLAGE + ":kades", null,
                String.class)).findValuesAsText("requestId")).as("officials read their own").contains(requestId);
        assertThat(body(as(HttpMethod.GET, kadesTrail, "adm2", "desa:3309012005:admin-desa", null, String.class)))
                .as("another village's administrator sees none of it").isEmpty();
        assertThat(as(HttpMethod.GET, kadesTrail, "x", "desa:" + VILLAGE + ":kasi-pelayanan", null, String.class)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(http.getForEntity(kadesTrail, String.class).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void anOfficialSeesOnlyTheirGroupsTasksWithFiltersCountsAndTheVerificationFindings() throws Exception {
        String sku = UUID.randomUUID().toString();
        String death = UUID.randomUUID().toString();
        publish(verified(sku, 0, Map.of("namaUsaha", "Warung")));
        publish(verified(death, "surat-pengantar-ktp", 0, Map.of("jenisPermohonan", "baru")));
        String skuTask = taskCreated(sku, "kasi-pelayanan").taskId();
        ApprovalTaskCreated deathTask = taskCreated(death, "kasi-pemerintahan");
        assertThat(deathTask.candidateGroup()).isEqualTo("desa:" + VILLAGE + ":kasi-pemerintahan");
        assertThat(deathTask.taskName()).isEqualTo("Pemeriksaan Kasi Pemerintahan");
        String kasi = "desa:" + VILLAGE + ":kasi-pelayanan";

        JsonNode mine = body(as(HttpMethod.GET, "/api/v1/tasks", "kasi.beji", kasi, null, String.class));
        assertThat(mine.findValuesAsText("requestId")).contains(sku).doesNotContain(death);
        JsonNode first = find(mine, skuTask);
        assertThat(first.path("letterLabel").asText()).isEqualTo("Surat Keterangan Usaha");
        assertThat(first.path("candidateGroup").asText()).isEqualTo(kasi);
        assertThat(first.path("dusun").asText()).isEqualTo("Bulu");
        assertThat(first.path("new").asBoolean()).isTrue();
        assertThat(first.path("overdue").asBoolean()).isFalse();
        assertThat(body(as(HttpMethod.GET, "/api/v1/tasks?letterType=surat-keterangan-domisili", "kasi.beji", kasi,
                null, String.class)).findValuesAsText("requestId")).doesNotContain(sku);
        assertThat(body(as(HttpMethod.GET, "/api/v1/tasks?overdue=true", "kasi.beji", kasi, null, String.class))
                .findValuesAsText("requestId")).doesNotContain(sku);
        long openBefore = body(as(HttpMethod.GET, "/api/v1/tasks/counts", "kasi.beji", kasi, null, String.class))
                .path("open").asLong();
        assertThat(openBefore).isPositive();

        as(HttpMethod.POST, "/api/v1/tasks/" + skuTask + "/claim", "kasi.beji", kasi, null, String.class);
        JsonNode counts = body(as(HttpMethod.GET, "/api/v1/tasks/counts", "kasi.beji", kasi, null, String.class));
        assertThat(counts.path("mine").asLong()).isEqualTo(1);
        assertThat(counts.path("open").asLong()).isEqualTo(openBefore);
        assertThat(body(as(HttpMethod.GET, "/api/v1/tasks?scope=mine", "kasi.beji", kasi, null, String.class))
                .findValuesAsText("id")).containsExactly(skuTask);

        JsonNode detail = body(as(HttpMethod.GET, "/api/v1/tasks/" + skuTask, "kasi.beji", kasi, null, String.class));
        assertThat(detail.path("checks").get(0).path("rule").asText()).isEqualTo("nik-terdaftar");
        assertThat(detail.path("request").path("letterLabel").asText()).isEqualTo("Surat Keterangan Usaha");

        // another village's kasi, another role, a resident: the task does not exist for them
        String sempu = "desa:3309012005:kasi-pelayanan";
        assertThat(as(HttpMethod.GET, "/api/v1/tasks/" + skuTask, "kasi.sempu", sempu, null, String.class)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(as(HttpMethod.POST, "/api/v1/tasks/" + skuTask + "/complete", "kasi.sempu", sempu,
                Map.of("decision", "APPROVE"), String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(as(HttpMethod.GET, "/api/v1/tasks/" + skuTask, "sekdes.beji", "desa:" + VILLAGE + ":sekdes",
                null, String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(body(as(HttpMethod.GET, "/api/v1/tasks", "kasi.sempu", sempu, null, String.class))
                .findValuesAsText("id")).doesNotContain(skuTask);
        assertThat(as(HttpMethod.GET, "/api/v1/tasks", "nik:3309014107900001", null, null, String.class)
                .getStatusCode().value()).isEqualTo(403);
        assertProblem(as(HttpMethod.GET, "/api/v1/tasks?scope=semua", "kasi.beji", kasi, null, String.class), 400,
                "scope");

        // two days later the kasi's task (due in two days) is overdue
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(
                java.time.Instant.now().plus(java.time.Duration.ofDays(3))));
        try {
            assertThat(body(as(HttpMethod.GET, "/api/v1/tasks?overdue=true", "kasi.beji", kasi, null, String.class))
                    .findValuesAsText("id")).contains(skuTask);
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
        as(HttpMethod.POST, "/api/v1/tasks/" + skuTask + "/unclaim", "kasi.beji", kasi, null, String.class);
    }

    private static JsonNode find(JsonNode list, String taskId) {
        for (JsonNode task : list) {
            if (task.path("id").asText().equals(taskId)) {
                return task;
            }
        }
        throw new AssertionError("task " + taskId + " not in " + list);
    }

    /** The code printed under the QR code, as a person holding the letter would read it. */
    private String verificationCode(String letterNumber) {
        return jdbc.queryForObject("SELECT verification_code FROM issued_letter WHERE letter_number = ?",
                String.class, letterNumber);
    }

    private <T> ResponseEntity<T> as(HttpMethod method, String path, String user, String groups, Object body,
            Class<T> type) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-DesaFlow-User", user);
        if (groups != null) {
            headers.set("X-DesaFlow-Groups", groups);
        }
        if (body != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        return http.exchange(path, method, new HttpEntity<>(body, headers), type);
    }

    @Test
    void revisionRequestedThenTheRevisedRequestResumesAtKasiPelayanan() throws Exception {
        String requestId = UUID.randomUUID().toString();
        publish(verified(requestId, 0, Map.of("namaUsaha", "Toko")));
        String kasiTask = taskCreated(requestId, "kasi-pelayanan").taskId();
        assertThat(post("/api/v1/tasks/" + kasiTask + "/complete", "siti.kasi",
                Map.of("decision", "REVISE", "comment", "Lengkapi alamat usaha")).getStatusCode().value())
                .isEqualTo(200);

        RevisionRequested revision = payload(approvalEvents.awaitType(EventType.REVISION_REQUESTED, requestId),
                RevisionRequested.class);
        assertThat(revision.comment()).isEqualTo("Lengkapi alamat usaha");
        assertThat(revision.taskName()).isEqualTo("Pemeriksaan Kasi Pelayanan");

        publish(verified(requestId, 1, Map.of("namaUsaha", "Toko Kelontong Siti", "alamatUsaha", "RT 02 Bulu")));
        approvalEvents.await(e -> e.type().equals(EventType.TASK_CREATED.type()) && requestId.equals(e.subject())
                && !payload(e, ApprovalTaskCreated.class).taskId().equals(kasiTask));
        String again = approvalEvents.events(EventType.TASK_CREATED, requestId).stream()
                .map(e -> payload(e, ApprovalTaskCreated.class)).filter(t -> !t.taskId().equals(kasiTask))
                .findFirst().orElseThrow().taskId();
        JsonNode detail = body(http.getForEntity("/api/v1/tasks/" + again, String.class));
        assertThat(detail.path("task").path("role").asText()).isEqualTo("kasi-pelayanan");
        assertThat(detail.path("request").path("revision").asInt()).isEqualTo(1);
        assertThat(detail.path("request").path("data").path("alamatUsaha").asText()).isEqualTo("RT 02 Bulu");
        assertThat(detail.path("history").get(0).path("comment").asText()).isEqualTo("Lengkapi alamat usaha");

        post("/api/v1/tasks/" + again + "/complete", "siti.kasi", Map.of("decision", "REJECT",
                "comment", "Usaha di luar desa"));
        RequestRejected rejected = payload(approvalEvents.awaitType(EventType.REQUEST_REJECTED, requestId),
                RequestRejected.class);
        assertThat(rejected.reason()).isEqualTo("Usaha di luar desa");
    }

    @Test
    void cancellationEndsTheApprovalAndRemovesTheTask() throws Exception {
        String requestId = UUID.randomUUID().toString();
        publish(verified(requestId, 0, Map.of()));
        String kasiTask = taskCreated(requestId, "kasi-pelayanan").taskId();
        publisher.publish(OutboxMessage.of(requestId, new RequestCancelled(requestId, "Tidak jadi", java.time.Instant.now())));
        org.awaitility.Awaitility.await().untilAsserted(() -> assertThat(
                http.getForEntity("/api/v1/tasks/" + kasiTask, String.class).getStatusCode().value()).isEqualTo(404));
        // the letter type's process and the village chain it called have both ended
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(requestId).completed()
                .count()).isEqualTo(2);
    }

    @Test
    void redeliveredVerificationHasNoSecondEffect() {
        String requestId = UUID.randomUUID().toString();
        OutboxMessage once = OutboxMessage.of(requestId, verified(requestId, 0, Map.of()));
        publisher.publish(once);
        publisher.publish(once);
        // a later event on the same single partition: once it is handled, both deliveries were
        String marker = UUID.randomUUID().toString();
        publish(verified(marker, 0, Map.of()));
        taskCreated(marker, "kasi-pelayanan");

        assertThat(approvalEvents.events(EventType.TASK_CREATED, requestId)).hasSize(1);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(requestId)
                .processDefinitionKey("surat-keterangan-usaha").count()).isEqualTo(1);
    }

    @Test
    void inboxRefusesBadInputWithProblems() throws Exception {
        ResponseEntity<String> noGroup = http.getForEntity("/api/v1/tasks", String.class);
        assertProblem(noGroup, 400, "group");
        assertThat(noGroup.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertProblem(http.getForEntity("/api/v1/tasks?group=kasi", String.class), 400, "group");
        assertProblem(http.getForEntity("/api/v1/tasks?group=desa:33:kades", String.class), 400, "group");
        assertThat(http.getForEntity("/api/v1/tasks/does-not-exist", String.class).getStatusCode().value())
                .isEqualTo(404);
        assertThat(post("/api/v1/tasks/does-not-exist/claim", "a", null).getStatusCode().value()).isEqualTo(404);
        assertThat(post("/api/v1/tasks/does-not-exist/complete", "a", Map.of("decision", "APPROVE"))
                .getStatusCode().value()).isEqualTo(404);

        String requestId = UUID.randomUUID().toString();
        publish(verified(requestId, 0, Map.of()));
        String task = taskCreated(requestId, "kasi-pelayanan").taskId();
        String complete = "/api/v1/tasks/" + task + "/complete";

        assertProblem(post(complete, "a", Map.of("decision", "MAYBE")), 400, "decision");
        assertProblem(post(complete, "a", Map.of("comment", "tanpa keputusan")), 400, "decision");
        assertProblem(post(complete, "a", null), 400, "decision");
        assertProblem(post(complete, "a", Map.of("decision", "REJECT")), 400, "comment");
        assertProblem(post(complete, "a", Map.of("decision", "REVISE", "comment", "  ")), 400, "comment");
        assertProblem(post(complete, "a", Map.of("decision", "APPROVE", "comment", "x".repeat(1001))), 400,
                "comment");
        assertProblem(post(complete, "a", Map.of("decision", "APPROVE", "unknown", "x")), 400, "unknown");

        assertThat(post("/api/v1/tasks/" + task + "/claim", "ani", null).getStatusCode().value()).isEqualTo(200);
        assertThat(post("/api/v1/tasks/" + task + "/claim", "ani", null).getStatusCode().value()).isEqualTo(200);
        ResponseEntity<String> taken = post("/api/v1/tasks/" + task + "/claim", "budi", null);
        assertThat(taken.getStatusCode().value()).isEqualTo(409);
        assertThat(body(taken).path("assignee").asText()).isEqualTo("ani");
        assertThat(post(complete, "budi", Map.of("decision", "APPROVE")).getStatusCode().value()).isEqualTo(409);
        assertThat(post("/api/v1/tasks/" + task + "/unclaim", "budi", null).getStatusCode().value()).isEqualTo(409);

        ResponseEntity<String> released = post("/api/v1/tasks/" + task + "/unclaim", "ani", null);
        assertThat(released.getStatusCode().value()).isEqualTo(200);
        assertThat(body(released).path("assignee").isNull()).isTrue();
        assertThat(post("/api/v1/tasks/" + task + "/claim", "budi", null).getStatusCode().value()).isEqualTo(200);
        // nothing was decided by the refused calls
        assertThat(approvalEvents.events(EventType.TASK_COMPLETED, requestId)).isEmpty();
    }

    @Test
    void verificationForALetterTypeWithoutProcessIsDeadLettered() {
        String requestId = UUID.randomUUID().toString();
        try (EventRecorder deadLetters = new EventRecorder(broker.getBrokersAsString(), Topics.deadLetter(Topics.VERIFICATION,
                "approval"))) {
            publish(verified(requestId, "surat-tanpa-alur", 0, Map.of()));
            deadLetters.awaitType(EventType.REQUEST_VERIFIED, requestId);
        }
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(requestId).count()).isZero();
    }

    private void publish(Record event) {
        String requestId = (String) EventJson.mapper().convertValue(event, Map.class).get("requestId");
        publisher.publish(OutboxMessage.of(requestId, event));
    }

    @Test
    void anInconclusiveVerificationFirstReachesTheVillageOperator() {
        String requestId = UUID.randomUUID().toString();
        RequestVerified plain = verified(requestId, 0, Map.of("namaUsaha", "Warung Bu Siti"));
        publish(new RequestVerified(plain.requestId(), plain.trackingCode(), plain.letterType(), plain.villageCode(),
                null, 0, plain.applicant(), plain.data(),
                List.of(new CheckResult("data-lengkap", false, "Data kependudukan belum lengkap (dusun)")),
                plain.verifiedAt(), RequestVerified.MANUAL_CHECK));

        ApprovalTaskCreated manual = taskCreated(requestId, "operator");
        assertThat(manual.candidateGroup()).isEqualTo("desa:" + VILLAGE + ":operator");
        assertThat(approvalEvents.events(EventType.TASK_CREATED, requestId)).hasSize(1);
    }

    private ApprovalTaskCreated taskCreated(String requestId, String role) {
        return payload(approvalEvents.await(e -> e.type().equals(EventType.TASK_CREATED.type())
                && requestId.equals(e.subject()) && role.equals(payload(e, ApprovalTaskCreated.class).role())),
                ApprovalTaskCreated.class);
    }

    private static <T extends Record> T payload(IncomingEvent event, Class<T> type) {
        return event.payload(type);
    }

    @Test
    void inDesaSempuTheRtApprovesFirstAndTheSekdesSignsOnBehalfOfTheKadesAsTheSigningStep() throws Exception {
        String requestId = UUID.randomUUID().toString();
        RequestVerified beji = verified(requestId, "surat-keterangan-domisili", 0, Map.of("alamatDomisili", "Sempu",
                "rt", "1", "rw", "1", "tinggalSejak", "2001", "statusTempatTinggal", "Milik sendiri",
                "keperluan", "Sekolah"));
        publisher.publish(OutboxMessage.of(requestId, new RequestVerified(requestId, beji.trackingCode(),
                beji.letterType(), "3309012005", beji.dusun(), 0, beji.applicant(), beji.data(), beji.checks(),
                beji.verifiedAt(), RequestVerified.VERIFIED)));
        // every step in turn: the official of its group approves, until the step that signs
        ApprovalTaskCreated signing = null;
        for (int step = 1; signing == null && step <= 5; step++) {
            int seen = step;
            ApprovalTaskCreated task = payload(await().atMost(java.time.Duration.ofSeconds(30)).until(
                    () -> approvalEvents.events(EventType.TASK_CREATED, requestId), e -> e.size() >= seen)
                    .get(seen - 1), ApprovalTaskCreated.class);
            if (Boolean.TRUE.equals(task.signature())) {
                signing = task;
            } else {
                assertThat(task.signature()).as(task.taskName()).isFalse();
                assertThat(as(HttpMethod.POST, "/api/v1/tasks/" + task.taskId() + "/complete", "petugas.sempu",
                        task.candidateGroup(), Map.of("decision", "APPROVE"), String.class).getStatusCode().value())
                        .isEqualTo(200);
            }
        }
        assertThat(signing).as("a signing step").isNotNull();
        assertThat(signing.role()).isEqualTo("sekdes");
        // Desa Sempu has its ketua RT approve first instead of a paper cover letter (villages.json)
        assertThat(payload(approvalEvents.events(EventType.TASK_CREATED, requestId).get(0), ApprovalTaskCreated.class)
                .candidateGroup()).isEqualTo("desa:3309012005:rt");
        assertThat(signing.taskName()).isEqualTo("Tanda tangan Sekretaris Desa a.n. Kepala Desa");
        // the sekdes' own paraf before it was not the signature
        assertThat(approvalEvents.events(EventType.TASK_CREATED, requestId).stream()
                .map(e -> payload(e, ApprovalTaskCreated.class))
                .filter(t -> t.role().equals("sekdes") && !Boolean.TRUE.equals(t.signature()))).hasSize(1);
    }

    private ResponseEntity<String> post(String path, String user, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-DesaFlow-User", user);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    private JsonNode body(ResponseEntity<String> response) throws Exception {
        assertThat(response.getBody()).as("body of %s", response.getStatusCode()).isNotNull();
        return json.readTree(response.getBody());
    }

    private void assertProblem(ResponseEntity<String> response, int status, String field) throws Exception {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        assertThat(body(response).path("errors").findValuesAsText("field")).as(response.getBody()).contains(field);
    }
}
