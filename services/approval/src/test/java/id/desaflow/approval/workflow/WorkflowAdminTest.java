package id.desaflow.approval.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.desaflow.approval.SpringServiceTest;
import id.desaflow.contracts.events.RequestVerified;
import id.desaflow.platform.outbox.EventPublisher;
import id.desaflow.platform.outbox.OutboxMessage;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
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

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Administrators deploy approval chains per village through the API, roll back, and move running requests; the
 * real engine (H2), real Kafka (embedded) and the service's real HTTP API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkflowAdminTest extends SpringServiceTest {
    private static final String SKU = "surat-keterangan-usaha";
    private static final String CHAIN = "rantai-persetujuan-desa";
    private static final String SEMPU = "3309012005";
    private static final String BEJI_ADMIN = "desa:" + VILLAGE + ":admin-desa";
    private static final String SEMPU_ADMIN = "desa:" + SEMPU + ":admin-desa";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventPublisher publisher;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    JdbcTemplate jdbc;

    /** The module's other tests share this engine: new requests start on the shipped versions again. */
    @AfterAll
    void shippedVersionsAgain() {
        jdbc.update("DELETE FROM workflow_current");
    }

    @Test
    void aVillageDeploysItsOwnVersionNewRequestsStartOnItStartedOnesFinishOnTheirsAndItRollsBack() throws Exception {
        ProcessDefinition v1 = effective(SKU);
        String before = start(VILLAGE);
        Task beforeKasi = awaitTask(before, "Task_Kasi");

        ResponseEntity<String> deployed = send(HttpMethod.POST, "/api/v1/workflows/" + SKU + "/deployments?village="
                + VILLAGE, BEJI_ADMIN, withKadusCheck(bpmn(SKU, v1.getVersion())), MediaType.APPLICATION_XML);
        assertThat(deployed.getStatusCode().value()).as(deployed.getBody()).isEqualTo(201);
        JsonNode v2 = json.readTree(deployed.getBody());
        assertThat(v2.path("key").asText()).isEqualTo(SKU);
        assertThat(v2.path("version").asInt()).isGreaterThan(v1.getVersion());
        String v2Id = v2.path("definitionId").asText();

        // a new request of Beji meets the new step, Sempu's still starts on the version every village has
        String beji = start(VILLAGE);
        assertThat(instance(beji).getProcessDefinitionId()).isEqualTo(v2Id);
        Task kadusCheck = awaitTask(beji, "Task_CekKadus");
        assertThat(tasks.getIdentityLinksForTask(kadusCheck.getId())).anyMatch(l -> ("desa:" + VILLAGE + ":kadus")
                .equals(l.getGroupId()));
        complete(kadusCheck);
        awaitTask(beji, "Task_Kasi");
        String sempu = start(SEMPU);
        assertThat(instance(sempu).getProcessDefinitionId()).isEqualTo(v1.getId());

        // the request started before keeps its version to the end
        assertThat(instance(before).getProcessDefinitionId()).isEqualTo(v1.getId());
        complete(beforeKasi);
        complete(awaitTask(before, "Task_Sekdes"));
        complete(awaitTask(before, "Task_Kades"));
        await().atMost(WAIT).until(() -> ended(before) != null);
        assertThat(ended(before).getProcessDefinitionId()).isEqualTo(v1.getId());
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(ended(before).getId())
                .activityId("Task_CekKadus").count()).isZero();

        JsonNode workflows = json.readTree(send(HttpMethod.GET, "/api/v1/workflows", BEJI_ADMIN, null, null)
                .getBody());
        JsonNode sku = find(workflows, SKU);
        assertThat(find(workflows, CHAIN)).isNotNull();
        assertThat(sku.path("current").path("all").asInt()).isEqualTo(v1.getVersion());
        assertThat(sku.path("current").path("villages").path(VILLAGE).asInt()).isEqualTo(v2.path("version").asInt());
        JsonNode deployedVersion = versionOf(sku, v2.path("version").asInt());
        assertThat(deployedVersion.path("definitionId").asText()).isEqualTo(v2Id);
        assertThat(deployedVersion.path("deployedBy").asText()).isEqualTo("admin.beji");
        assertThat(deployedVersion.path("village").asText()).isEqualTo(VILLAGE);
        assertThat(deployedVersion.path("deployedAt").isNull()).isFalse();
        assertThat(deployedVersion.path("running").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(versionOf(sku, v1.getVersion()).path("village").isNull()).isTrue();
        ResponseEntity<String> xml = send(HttpMethod.GET, "/api/v1/workflows/" + SKU + "/versions/"
                + v2.path("version").asInt() + "/bpmn", BEJI_ADMIN, null, null);
        assertThat(xml.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_XML)).isTrue();
        assertThat(xml.getBody()).contains("Task_CekKadus");

        // moving back to v1: who waits in the new step cannot move (nothing maps it) and stays; the others move
        String waiting = start(VILLAGE);
        awaitTask(waiting, "Task_CekKadus");
        Map<String, Object> back = Map.of("fromVersion", v2.path("version").asInt(), "toVersion", v1.getVersion(),
                "village", VILLAGE, "dryRun", true);
        JsonNode dryRun = json.readTree(send(HttpMethod.POST, "/api/v1/workflows/" + SKU + "/migrations", BEJI_ADMIN,
                back, MediaType.APPLICATION_JSON).getBody());
        assertThat(dryRun.path("instances").asInt()).as(dryRun.toString()).isEqualTo(2);
        assertThat(dryRun.path("unmapped").toString()).isEqualTo("[\"Task_CekKadus\"]");
        assertThat(dryRun.path("failures")).hasSize(1);
        assertThat(dryRun.path("failures").get(0).path("requestId").asText()).isEqualTo(waiting);
        assertThat(dryRun.path("failures").get(0).path("reason").asText()).startsWith("Permohonan tidak dapat")
                .contains("Task_CekKadus");
        ResponseEntity<String> run = send(HttpMethod.POST, "/api/v1/workflows/" + SKU + "/migrations", BEJI_ADMIN,
                Map.of("fromVersion", v2.path("version").asInt(), "toVersion", v1.getVersion(), "village", VILLAGE,
                        "dryRun", false), MediaType.APPLICATION_JSON);
        assertThat(run.getStatusCode().value()).as(run.getBody()).isEqualTo(202);
        String migrationId = json.readTree(run.getBody()).path("migrationId").asText();
        await().atMost(WAIT).until(() -> "DONE".equals(migration(migrationId).path("status").asText()));
        assertThat(migration(migrationId).path("migrated").asInt()).isEqualTo(1);
        assertThat(migration(migrationId).path("failed").findValuesAsText("requestId")).containsExactly(waiting);
        assertThat(instance(beji).getProcessDefinitionId()).isEqualTo(v1.getId());
        assertThat(instance(waiting).getProcessDefinitionId()).isEqualTo(v2Id);

        // rollback: Beji's new requests start on v1 again
        ResponseEntity<String> rolledBack = send(HttpMethod.PUT, "/api/v1/workflows/" + SKU + "/current", BEJI_ADMIN,
                Map.of("version", v1.getVersion(), "village", VILLAGE), MediaType.APPLICATION_JSON);
        assertThat(rolledBack.getStatusCode().value()).as(rolledBack.getBody()).isEqualTo(200);
        String after = start(VILLAGE);
        assertThat(instance(after).getProcessDefinitionId()).isEqualTo(v1.getId());

        JsonNode audit = json.readTree(send(HttpMethod.GET, "/api/v1/workflows/audit?key=" + SKU, BEJI_ADMIN, null,
                null).getBody());
        assertThat(audit.findValuesAsText("action")).contains("DEPLOY", "CURRENT");
        assertThat(audit.get(0).path("action").asText()).isEqualTo("CURRENT");
        assertThat(audit.get(0).path("actor").asText()).isEqualTo("admin.beji");
        assertThat(audit.get(0).path("village").asText()).isEqualTo(VILLAGE);
    }

    @Test
    void aFileTheRulesRefuseIsAnsweredWithItsProblemsAndNothingIsDeployed() throws Exception {
        long versions = repository.createProcessDefinitionQuery().processDefinitionKey(SKU).count();
        String original = bpmn(SKU, effective(SKU).getVersion());
        String xxe = original.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<?xml version=\"1.0\" "
                + "encoding=\"UTF-8\"?>\n<!DOCTYPE foo [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>")
                .replace("name=\"Selesai\"", "name=\"&xxe;\"");
        String malformed = original.replace("</bpmn:process>", "");
        String otherProcess = original.replace("id=\"" + SKU + "\"", "id=\"surat-lain\"");

        String engineRefuses = original.replace("targetRef=\"EndEvent_Done\"", "targetRef=\"Tidak_Ada\"");

        for (String file : List.of(xxe, malformed, otherProcess, engineRefuses)) {
            ResponseEntity<String> refused = send(HttpMethod.POST, "/api/v1/workflows/" + SKU + "/deployments?village="
                    + VILLAGE, BEJI_ADMIN, file, MediaType.APPLICATION_XML);
            assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(422);
            assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
            JsonNode problems = json.readTree(refused.getBody()).path("problems");
            assertThat(problems.isArray() && !problems.isEmpty()).as(refused.getBody()).isTrue();
            assertThat(problems.get(0).path("rule").asText()).isNotBlank();
            assertThat(problems.get(0).path("message").asText()).isNotBlank();
            assertThat(refused.getBody()).doesNotContain("root:");
        }
        // the kecamatan may deploy for every village, but not a broken file either
        assertThat(send(HttpMethod.POST, "/api/v1/workflows/" + SKU + "/deployments", "desa:" + VILLAGE
                + ":admin-kecamatan", malformed, MediaType.APPLICATION_XML).getStatusCode().value()).isEqualTo(422);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(SKU).count()).isEqualTo(versions);

        JsonNode checked = json.readTree(send(HttpMethod.POST, "/api/v1/workflows/" + SKU + "/validation",
                BEJI_ADMIN, xxe, MediaType.APPLICATION_XML).getBody());
        assertThat(checked.path("problems").findValuesAsText("rule")).contains("xml-safe");
        JsonNode fine = json.readTree(send(HttpMethod.POST, "/api/v1/workflows/" + SKU + "/validation",
                BEJI_ADMIN, original, MediaType.APPLICATION_XML).getBody());
        assertThat(fine.path("problems").isArray() && fine.path("problems").isEmpty()).as(fine.toString()).isTrue();
        // a chain grown past the 64 KB every other body is held to is still checked (the BPMN limit is 1 MB) ...
        String large = original.replace("</bpmn:definitions>", "<!-- " + "x".repeat(100 * 1024)
                + " -->\n</bpmn:definitions>");
        JsonNode largeChecked = json.readTree(send(HttpMethod.POST, "/api/v1/workflows/" + SKU + "/validation",
                BEJI_ADMIN, large, MediaType.APPLICATION_XML).getBody());
        assertThat(largeChecked.path("problems").isArray() && largeChecked.path("problems").isEmpty())
                .as(largeChecked.toString()).isTrue();
        // ... and one far over it is refused before it is read
        assertThat(send(HttpMethod.POST, "/api/v1/workflows/" + SKU + "/validation", BEJI_ADMIN,
                original.replace("</bpmn:definitions>", "<!-- " + "x".repeat(2 * 1024 * 1024) + " -->\n"
                        + "</bpmn:definitions>"), MediaType.APPLICATION_XML).getStatusCode().value()).isEqualTo(413);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(SKU).count()).isEqualTo(versions);
    }

    @Test
    void aWaitingRequestIsMovedToTheNewVersionAndFinishesThere() throws Exception {
        String requestId = start(VILLAGE);
        Task kasi = awaitTask(requestId, "Task_Kasi");
        ProcessDefinition chainV1 = repository.getProcessDefinition(kasi.getProcessDefinitionId());

        String renamed = bpmn(CHAIN, chainV1.getVersion()).replace("name=\"Rantai persetujuan surat desa\"",
                "name=\"Rantai persetujuan surat desa (Beji)\"");
        ResponseEntity<String> deployed = send(HttpMethod.POST, "/api/v1/workflows/" + CHAIN + "/deployments?village="
                + VILLAGE, BEJI_ADMIN, renamed, MediaType.APPLICATION_XML);
        assertThat(deployed.getStatusCode().value()).as(deployed.getBody()).isEqualTo(201);
        int v2 = json.readTree(deployed.getBody()).path("version").asInt();
        String v2Id = json.readTree(deployed.getBody()).path("definitionId").asText();
        // the letter types call the chain version of the calling village, not simply the newest
        assertThat(awaitTask(start(VILLAGE), "Task_Kasi").getProcessDefinitionId()).isEqualTo(v2Id);
        // (Desa Sempu's chain starts with its ketua RT: villages.json)
        assertThat(awaitTask(start(SEMPU), "Task_Rt").getProcessDefinitionId()).isEqualTo(chainV1.getId());

        Map<String, Object> plan = Map.of("fromVersion", chainV1.getVersion(), "toVersion", v2, "village", VILLAGE,
                "mappings", List.of(), "dryRun", true);
        ResponseEntity<String> dry = send(HttpMethod.POST, "/api/v1/workflows/" + CHAIN + "/migrations", BEJI_ADMIN,
                plan, MediaType.APPLICATION_JSON);
        assertThat(dry.getStatusCode().value()).as(dry.getBody()).isEqualTo(200);
        JsonNode dryRun = json.readTree(dry.getBody());
        assertThat(dryRun.path("instances").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(dryRun.path("plannedMappings").toString()).contains("{\"from\":\"Task_Kasi\",\"to\":\"Task_Kasi\"}");
        assertThat(dryRun.path("unmapped").isArray() && dryRun.path("unmapped").isEmpty()).isTrue();
        assertThat(dryRun.path("failures").findValuesAsText("requestId")).doesNotContain(requestId);
        // a dry run moves nothing
        assertThat(tasks.createTaskQuery().taskId(kasi.getId()).singleResult().getProcessDefinitionId())
                .isEqualTo(chainV1.getId());

        ResponseEntity<String> started = send(HttpMethod.POST, "/api/v1/workflows/" + CHAIN + "/migrations",
                BEJI_ADMIN, Map.of("fromVersion", chainV1.getVersion(), "toVersion", v2, "village", VILLAGE,
                        "mappings", List.of(Map.of("from", "Task_Kasi", "to", "Task_Kasi")), "dryRun", false),
                MediaType.APPLICATION_JSON);
        assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(202);
        String migrationId = json.readTree(started.getBody()).path("migrationId").asText();
        await().atMost(WAIT).until(() -> "DONE".equals(migration(migrationId).path("status").asText()));
        JsonNode done = migration(migrationId);
        assertThat(done.path("migrated").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(done.path("failed").findValuesAsText("requestId")).doesNotContain(requestId);

        Task moved = tasks.createTaskQuery().taskId(kasi.getId()).singleResult();
        assertThat(moved.getProcessDefinitionId()).isEqualTo(v2Id);
        String chainInstance = moved.getProcessInstanceId();
        complete(moved);
        complete(awaitTask(requestId, "Task_Sekdes"));
        complete(awaitTask(requestId, "Task_Kades"));
        await().atMost(WAIT).until(() -> history.createHistoricProcessInstanceQuery().processInstanceId(chainInstance)
                .finished().count() == 1);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(chainInstance).singleResult()
                .getProcessDefinitionId()).isEqualTo(v2Id);
        assertThat(json.readTree(send(HttpMethod.GET, "/api/v1/workflows/audit?key=" + CHAIN, BEJI_ADMIN, null, null)
                .getBody()).findValuesAsText("action")).contains("MIGRATE", "DEPLOY");
    }

    @Test
    void onlyTheVillagesAdministratorsChangeItsWorkflows() throws Exception {
        long versions = repository.createProcessDefinitionQuery().processDefinitionKey(SKU).count();
        String file = bpmn(SKU, effective(SKU).getVersion());
        String deploy = "/api/v1/workflows/" + SKU + "/deployments?village=" + VILLAGE;

        assertThat(send(HttpMethod.POST, deploy, SEMPU_ADMIN, file, MediaType.APPLICATION_XML).getStatusCode()
                .value()).isEqualTo(403);
        assertThat(send(HttpMethod.POST, deploy, "desa:" + VILLAGE + ":kasi-pelayanan", file,
                MediaType.APPLICATION_XML).getStatusCode().value()).isEqualTo(403);
        // every village at once is the kecamatan's decision
        assertThat(send(HttpMethod.POST, "/api/v1/workflows/" + SKU + "/deployments", BEJI_ADMIN, file,
                MediaType.APPLICATION_XML).getStatusCode().value()).isEqualTo(403);
        assertThat(send("nik:3309014107900001", null, HttpMethod.POST, deploy, file, MediaType.APPLICATION_XML)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(SKU).count()).isEqualTo(versions);

        assertThat(send(HttpMethod.GET, "/api/v1/workflows", "desa:" + VILLAGE + ":kasi-pelayanan", null, null)
                .getStatusCode().value()).isEqualTo(403);
        ResponseEntity<String> current = send(HttpMethod.PUT, "/api/v1/workflows/" + SKU + "/current", SEMPU_ADMIN,
                Map.of("version", 1, "village", VILLAGE), MediaType.APPLICATION_JSON);
        assertThat(current.getStatusCode().value()).isEqualTo(403);
        assertThat(current.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(send(HttpMethod.POST, "/api/v1/workflows/" + SKU + "/migrations", SEMPU_ADMIN,
                Map.of("fromVersion", 1, "toVersion", 2, "village", VILLAGE, "dryRun", true),
                MediaType.APPLICATION_JSON).getStatusCode().value()).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM workflow_current WHERE changed_by = 'admin.sempu'",
                Integer.class)).isZero();
    }

    @Test
    void badInputIsNamedAndUnknownWorkflowsAreNotFound() throws Exception {
        assertThat(send(HttpMethod.GET, "/api/v1/workflows/surat-tidak-ada/versions/1/bpmn", BEJI_ADMIN, null, null)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(send(HttpMethod.GET, "/api/v1/workflows/" + SKU + "/versions/999/bpmn", BEJI_ADMIN, null, null)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(send(HttpMethod.POST, "/api/v1/workflows/surat-tidak-ada/deployments?village=" + VILLAGE,
                BEJI_ADMIN, "<x/>", MediaType.APPLICATION_XML).getStatusCode().value()).isEqualTo(404);
        ResponseEntity<String> village = send(HttpMethod.PUT, "/api/v1/workflows/" + SKU + "/current", BEJI_ADMIN,
                Map.of("version", 1, "village", "beji"), MediaType.APPLICATION_JSON);
        assertThat(village.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(village.getBody()).path("errors").findValuesAsText("field")).contains("village");
        ResponseEntity<String> noVersion = send(HttpMethod.PUT, "/api/v1/workflows/" + SKU + "/current", BEJI_ADMIN,
                Map.of("village", VILLAGE), MediaType.APPLICATION_JSON);
        assertThat(json.readTree(noVersion.getBody()).path("errors").findValuesAsText("field")).contains("version");
        ResponseEntity<String> migration = send(HttpMethod.POST, "/api/v1/workflows/" + SKU + "/migrations",
                BEJI_ADMIN, Map.of("fromVersion", 1, "village", VILLAGE), MediaType.APPLICATION_JSON);
        assertThat(migration.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(migration.getBody()).path("errors").findValuesAsText("field"))
                .contains("toVersion", "dryRun");
        assertThat(send(HttpMethod.GET, "/api/v1/workflows/migrations/tidak-ada", BEJI_ADMIN, null, null)
                .getStatusCode().value()).isEqualTo(404);
    }

    /**
     * A migration whose replica stopped (no progress for longer than the lease) is closed by any replica, with a
     * note; one whose worker is still writing, on this or another replica, is left running.
     */
    @Test
    void aMigrationWhoseReplicaStoppedIsClosedWithANoteOneStillRunningIsNot(
            @Autowired WorkflowMigrations migrations, @Autowired WorkflowStore store) throws Exception {
        String abandoned = UUID.randomUUID().toString();
        String alive = UUID.randomUUID().toString();
        String legacy = UUID.randomUUID().toString();
        Timestamp longAgo = Timestamp.from(Instant.now().minus(Duration.ofMinutes(10)));
        String insert = "INSERT INTO workflow_migration (migration_id, process_key, status, instances, migrated, "
                + "failed, started_by, started_at, heartbeat_at) VALUES (?, ?, 'RUNNING', 3, 1, '[]', 'admin.beji', ?, ?)";
        jdbc.update(insert, abandoned, SKU, longAgo, longAgo);
        jdbc.update(insert, alive, SKU, longAgo, Timestamp.from(Instant.now()));
        jdbc.update(insert, legacy, SKU, longAgo, null); // a row from before heartbeats: its start counts

        migrations.endAbandoned();

        JsonNode status = migration(abandoned);
        assertThat(status.path("status").asText()).isEqualTo("DONE");
        assertThat(status.path("migrated").asInt()).isEqualTo(1);
        assertThat(status.path("failed").get(0).path("reason").asText()).contains("berhenti", "1 dari 3");
        assertThat(migration(legacy).path("status").asText()).isEqualTo("DONE");
        assertThat(migration(alive).path("status").asText()).as("its worker wrote just now").isEqualTo("RUNNING");
        // a worker that was only slow finds its migration closed and stops; the close note stays
        assertThat(store.migrationProgress(abandoned, "RUNNING", 2, "[]", Instant.now())).isFalse();
        assertThat(migration(abandoned).path("status").asText()).isEqualTo("DONE");
        assertThat(migration(abandoned).path("migrated").asInt()).isEqualTo(1);
        jdbc.update("UPDATE workflow_migration SET status = 'DONE' WHERE migration_id = ?", alive);
    }

    // --- the request side: RequestVerified in through Kafka, the officials' decisions through the tasks API

    private String start(String village) {
        String requestId = UUID.randomUUID().toString();
        RequestVerified v = verified(requestId, 0, Map.of("namaUsaha", "Warung Bu Siti"));
        publisher.publish(OutboxMessage.of(requestId, new RequestVerified(v.requestId(), v.trackingCode(),
                v.letterType(), village, v.dusun(), v.revision(), v.applicant(), v.data(), v.checks(),
                v.verifiedAt(), v.outcome())));
        await().atMost(WAIT).until(() -> instance(requestId) != null || ended(requestId) != null);
        return requestId;
    }

    private ProcessInstance instance(String requestId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(requestId).processDefinitionKey(SKU)
                .singleResult();
    }

    private HistoricProcessInstance ended(String requestId) {
        return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(requestId)
                .processDefinitionKey(SKU).finished().singleResult();
    }

    private Task awaitTask(String requestId, String activityId) {
        return await().atMost(WAIT).until(() -> tasks.createTaskQuery().processInstanceBusinessKey(requestId)
                .taskDefinitionKey(activityId).singleResult(), t -> t != null);
    }

    private void complete(Task task) {
        ResponseEntity<String> done = send(HttpMethod.POST, "/api/v1/tasks/" + task.getId() + "/complete", null,
                Map.of("decision", "APPROVE"), MediaType.APPLICATION_JSON);
        assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(200);
    }

    // --- the administrators' side

    /** The version every village without its own starts on, as the administrators' list says. */
    private ProcessDefinition effective(String key) throws Exception {
        int version = find(json.readTree(send(HttpMethod.GET, "/api/v1/workflows", BEJI_ADMIN, null, null).getBody()),
                key).path("current").path("all").asInt();
        return repository.createProcessDefinitionQuery().processDefinitionKey(key).processDefinitionVersion(version)
                .singleResult();
    }

    private String bpmn(String key, int version) {
        ResponseEntity<String> xml = send(HttpMethod.GET, "/api/v1/workflows/" + key + "/versions/" + version
                + "/bpmn", BEJI_ADMIN, null, null);
        assertThat(xml.getStatusCode().value()).as(xml.getBody()).isEqualTo(200);
        return xml.getBody();
    }

    /** The shipped SKU chain with the kepala dusun checking on the spot before the village chain starts. */
    private static String withKadusCheck(String sku) {
        String task = """
                <bpmn:userTask id="Task_CekKadus" name="Cek lapangan Kepala Dusun" \
                camunda:candidateGroups="desa:${villageCode}:kadus" camunda:dueDate="${deadlines.due('kadus')}">
                      <bpmn:extensionElements>
                        <camunda:properties>
                          <camunda:property name="role" value="kadus" />
                        </camunda:properties>
                        <camunda:taskListener delegateExpression="${approvalTaskEvents}" event="create" />
                        <camunda:taskListener delegateExpression="${approvalTaskEvents}" event="complete" />
                      </bpmn:extensionElements>
                      <bpmn:incoming>Flow_ToChain</bpmn:incoming>
                      <bpmn:outgoing>Flow_CekKadusDone</bpmn:outgoing>
                    </bpmn:userTask>
                    <bpmn:sequenceFlow id="Flow_CekKadusDone" sourceRef="Task_CekKadus" targetRef="Gateway_CekKadus" />
                    <bpmn:exclusiveGateway id="Gateway_CekKadus" name="Hasil cek lapangan?" default="Flow_CekKadusOk">
                      <bpmn:incoming>Flow_CekKadusDone</bpmn:incoming>
                      <bpmn:outgoing>Flow_CekKadusOk</bpmn:outgoing>
                      <bpmn:outgoing>Flow_CekKadusTolak</bpmn:outgoing>
                    </bpmn:exclusiveGateway>
                    <bpmn:sequenceFlow id="Flow_CekKadusOk" name="Setuju" sourceRef="Gateway_CekKadus" targetRef="Call_Chain" />
                    <bpmn:sequenceFlow id="Flow_CekKadusTolak" name="Tolak" sourceRef="Gateway_CekKadus" targetRef="Task_TolakKadus">
                      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${execution.getVariable('decision') == 'REJECT'}</bpmn:conditionExpression>
                    </bpmn:sequenceFlow>
                    <bpmn:serviceTask id="Task_TolakKadus" name="Catat penolakan" camunda:delegateExpression="${recordRejection}">
                      <bpmn:incoming>Flow_CekKadusTolak</bpmn:incoming>
                      <bpmn:outgoing>Flow_TolakKadusEnd</bpmn:outgoing>
                    </bpmn:serviceTask>
                    <bpmn:sequenceFlow id="Flow_TolakKadusEnd" sourceRef="Task_TolakKadus" targetRef="EndEvent_TolakKadus" />
                    <bpmn:endEvent id="EndEvent_TolakKadus" name="Ditolak Kepala Dusun">
                      <bpmn:incoming>Flow_TolakKadusEnd</bpmn:incoming>
                    </bpmn:endEvent>
                    <bpmn:callActivity id="Call_Chain\"""";
        String shape = """
                <bpmndi:BPMNShape id="Task_CekKadus_di" bpmnElement="Task_CekKadus">
                        <dc:Bounds x="540" y="220" width="100" height="80" />
                      </bpmndi:BPMNShape>
                      <bpmndi:BPMNShape id="Gateway_CekKadus_di" bpmnElement="Gateway_CekKadus" isMarkerVisible="true">
                        <dc:Bounds x="715" y="235" width="50" height="50" />
                      </bpmndi:BPMNShape>
                      <bpmndi:BPMNShape id="Task_TolakKadus_di" bpmnElement="Task_TolakKadus">
                        <dc:Bounds x="820" y="220" width="100" height="80" />
                      </bpmndi:BPMNShape>
                      <bpmndi:BPMNShape id="EndEvent_TolakKadus_di" bpmnElement="EndEvent_TolakKadus">
                        <dc:Bounds x="962" y="242" width="36" height="36" />
                      </bpmndi:BPMNShape>
                      <bpmndi:BPMNEdge id="Flow_CekKadusDone_di" bpmnElement="Flow_CekKadusDone">
                        <di:waypoint x="640" y="260" />
                        <di:waypoint x="715" y="260" />
                      </bpmndi:BPMNEdge>
                      <bpmndi:BPMNEdge id="Flow_CekKadusOk_di" bpmnElement="Flow_CekKadusOk">
                        <di:waypoint x="740" y="235" />
                        <di:waypoint x="740" y="160" />
                      </bpmndi:BPMNEdge>
                      <bpmndi:BPMNEdge id="Flow_CekKadusTolak_di" bpmnElement="Flow_CekKadusTolak">
                        <di:waypoint x="765" y="260" />
                        <di:waypoint x="820" y="260" />
                      </bpmndi:BPMNEdge>
                      <bpmndi:BPMNEdge id="Flow_TolakKadusEnd_di" bpmnElement="Flow_TolakKadusEnd">
                        <di:waypoint x="920" y="260" />
                        <di:waypoint x="962" y="260" />
                      </bpmndi:BPMNEdge>
                      <bpmndi:BPMNEdge id="Flow_ToChain_di\"""";
        String namespaces = sku.contains("xmlns:xsi=") ? sku : sku.replace(
                "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\"",
                "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" "
                        + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"");
        String edited = namespaces.replace("<bpmn:callActivity id=\"Call_Chain\"", task)
                .replace("<bpmn:incoming>Flow_ToChain</bpmn:incoming>\n      <bpmn:outgoing>Flow_ToEnd",
                        "<bpmn:incoming>Flow_CekKadusOk</bpmn:incoming>\n      <bpmn:outgoing>Flow_ToEnd")
                .replace("id=\"Flow_ToChain\" sourceRef=\"Task_ChooseKadus\" targetRef=\"Call_Chain\"",
                        "id=\"Flow_ToChain\" sourceRef=\"Task_ChooseKadus\" targetRef=\"Task_CekKadus\"")
                .replace("<bpmndi:BPMNEdge id=\"Flow_ToChain_di\"", shape);
        assertThat(edited).contains("targetRef=\"Task_CekKadus\"", "<bpmn:incoming>Flow_CekKadusOk",
                "Task_CekKadus_di");
        return edited;
    }

    private JsonNode migration(String migrationId) throws Exception {
        return json.readTree(send(HttpMethod.GET, "/api/v1/workflows/migrations/" + migrationId, BEJI_ADMIN, null,
                null).getBody());
    }

    private static JsonNode find(JsonNode workflows, String key) {
        for (JsonNode w : workflows) {
            if (key.equals(w.path("key").asText())) {
                return w;
            }
        }
        return null;
    }

    private static JsonNode versionOf(JsonNode workflow, int version) {
        for (JsonNode v : workflow.path("versions")) {
            if (v.path("version").asInt() == version) {
                return v;
            }
        }
        throw new AssertionError("version " + version + " not listed: " + workflow);
    }

    private ResponseEntity<String> send(HttpMethod method, String path, String groups, Object body, MediaType type) {
        String user = groups == null ? "petugas.beji" : groups.endsWith(":admin-desa")
                ? "admin." + (groups.contains(SEMPU) ? "sempu" : "beji") : groups.substring(groups.lastIndexOf(':') + 1)
                + ".beji";
        return send(user, groups, method, path, body, type);
    }

    private ResponseEntity<String> send(String user, String groups, HttpMethod method, String path, Object body,
            MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-DesaFlow-User", user);
        if (groups != null) {
            headers.set("X-DesaFlow-Groups", groups);
        }
        Object payload = body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : body;
        if (type != null) {
            headers.setContentType(type);
        }
        return http.exchange(path, method, new HttpEntity<>(payload, headers), String.class);
    }
}
