package id.desaflow.approval.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every letter type of the catalogue has its process (id = letter-type code): the decision table picks the kasi,
 * the village chain does the rest, and the request's business key reaches the chain so revisions and cancellations
 * find it. Each type is taken through its process to the end, covering all of its flow nodes.
 */
@Deployment(resources = {"workflows/kasi-surat.dmn", "workflows/penandatangan-surat.dmn", "workflows/kadus-surat.dmn",
        "workflows/rantai-persetujuan-desa.bpmn",
        "workflows/surat-keterangan-usaha.bpmn", "workflows/surat-keterangan-domisili.bpmn",
        "workflows/surat-keterangan-tidak-mampu.bpmn", "workflows/surat-pengantar-ktp.bpmn",
        "workflows/surat-pengantar-kk.bpmn", "workflows/surat-pengantar-skck.bpmn",
        "workflows/surat-keterangan-pindah.bpmn", "workflows/surat-keterangan-kelahiran.bpmn",
        "workflows/surat-keterangan-kematian.bpmn", "workflows/surat-keterangan-belum-menikah.bpmn",
        "workflows/surat-keterangan-penghasilan.bpmn", "workflows/surat-izin-keramaian.bpmn",
        "workflows/surat-keterangan-ahli-waris.bpmn", "workflows/surat-keterangan-beda-nama.bpmn"})
class LetterTypeProcessesTest {
    private static final String VILLAGE = "3309012004";
    /** Government affairs (population events, land, public order) go to the kasi pemerintahan. */
    private static final Set<String> PEMERINTAHAN = Set.of("surat-pengantar-ktp", "surat-pengantar-kk",
            "surat-keterangan-pindah", "surat-keterangan-kelahiran", "surat-keterangan-kematian",
            "surat-keterangan-ahli-waris", "surat-izin-keramaian");
    /** Letters about life in the dusun: the applicant's kepala dusun examines them first. */
    private static final Set<String> KADUS = Set.of("surat-keterangan-domisili", "surat-keterangan-tidak-mampu",
            "surat-keterangan-pindah", "surat-keterangan-kelahiran", "surat-keterangan-kematian",
            "surat-izin-keramaian");
    private static final Map<String, Set<String>> VISITED = new java.util.concurrent.ConcurrentHashMap<>();

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("camunda.cfg.xml")
            .build();

    private final List<String> calls = new ArrayList<>();

    static List<String> letterTypes() throws IOException {
        try (InputStream in = LetterTypeProcessesTest.class.getClassLoader()
                .getResourceAsStream("catalogue/letter-types.json")) {
            JsonNode catalogue = new ObjectMapper().readTree(in);
            List<String> codes = new ArrayList<>();
            catalogue.path("letterTypes").forEach(t -> codes.add(t.path("code").asText()));
            return codes;
        }
    }

    @BeforeEach
    void delegates() {
        DelegateMocks.register(calls, task -> task.getEventName() + ":" + task.getTaskDefinitionKey());
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @ParameterizedTest
    @MethodSource("letterTypes")
    void eachLetterTypeRunsTheVillageChainWithItsKasiAndEndsWithIt(String letterType) {
        String requestId = UUID.randomUUID().toString();
        ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey(letterType, requestId,
                Variables.createVariables().putValue(ProcessVariables.REQUEST_ID, requestId)
                        .putValue(ProcessVariables.LETTER_TYPE, letterType)
                        .putValue(ProcessVariables.VILLAGE_CODE, VILLAGE)
                        .putValue(ProcessVariables.DUSUN_SLUG, "bulu")
                        .putValue(ProcessVariables.REVISION, 0)
                        .putValue(ProcessVariables.MANUAL_CHECK, false));

        List<String> steps = KADUS.contains(letterType) ? List.of("Task_Kadus", "Task_Kasi", "Task_Sekdes", "Task_Kades")
                : List.of("Task_Kasi", "Task_Sekdes", "Task_Kades");
        if (KADUS.contains(letterType)) {
            Task kadus = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(requestId).singleResult();
            assertThat(engine.getTaskService().getIdentityLinksForTask(kadus.getId())).anySatisfy(
                    link -> assertThat(link.getGroupId()).isEqualTo("desa:" + VILLAGE + ":kadus:bulu"));
            engine.getTaskService().complete(kadus.getId(), Variables.createVariables().putValue("decision", "APPROVE"));
        }
        String kasi = PEMERINTAHAN.contains(letterType) ? "kasi-pemerintahan" : "kasi-pelayanan";
        Task first = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(requestId).singleResult();
        assertThat(first.getTaskDefinitionKey()).isEqualTo("Task_Kasi");
        assertThat(engine.getTaskService().getIdentityLinksForTask(first.getId())).anySatisfy(
                link -> assertThat(link.getGroupId()).isEqualTo("desa:" + VILLAGE + ":" + kasi));
        // the chain is found by the request id, as the event consumers look it up
        assertThat(engine.getRuntimeService().createExecutionQuery().processInstanceBusinessKey(requestId)
                .messageEventSubscriptionName("RequestCancelled").count()).isEqualTo(1);

        for (String step : steps.subList(steps.size() - 3, steps.size())) {
            Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(requestId)
                    .singleResult();
            assertThat(task.getTaskDefinitionKey()).isEqualTo(step);
            engine.getTaskService().complete(task.getId(), Variables.createVariables().putValue("decision", "APPROVE"));
        }

        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(requestId)
                .count()).as("the letter type's process and its chain have ended").isZero();
        assertThat(calls).endsWith("issueLetter");
        VISITED.computeIfAbsent(letterType, k -> new TreeSet<>()).addAll(engine.getHistoryService()
                .createHistoricActivityInstanceQuery().processInstanceId(pi.getId()).list().stream()
                .map(a -> a.getActivityId()).toList());
    }

    @Test
    void aCancellationReachesTheChainThroughTheLetterTypesProcess() {
        String requestId = UUID.randomUUID().toString();
        engine.getRuntimeService().startProcessInstanceByKey("surat-keterangan-kematian", requestId,
                Variables.createVariables().putValue(ProcessVariables.REQUEST_ID, requestId)
                        .putValue(ProcessVariables.LETTER_TYPE, "surat-keterangan-kematian")
                        .putValue(ProcessVariables.VILLAGE_CODE, VILLAGE).putValue(ProcessVariables.REVISION, 0)
                        .putValue(ProcessVariables.MANUAL_CHECK, false));
        assertThat(engine.getRuntimeService().createMessageCorrelation("RequestCancelled")
                .processInstanceBusinessKey(requestId).correlateAllWithResult()).hasSize(1);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(requestId)
                .count()).isZero();
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(requestId).count()).isZero();
    }

    @Test
    void aVillageThatDelegatesTheSignatureHasItsSekdesSignOnBehalfOfTheKades() {
        String requestId = UUID.randomUUID().toString();
        engine.getRuntimeService().startProcessInstanceByKey("surat-keterangan-domisili", requestId,
                Variables.createVariables().putValue(ProcessVariables.REQUEST_ID, requestId)
                        .putValue(ProcessVariables.LETTER_TYPE, "surat-keterangan-domisili")
                        .putValue(ProcessVariables.VILLAGE_CODE, "3309012005").putValue(ProcessVariables.REVISION, 0)
                        .putValue(ProcessVariables.MANUAL_CHECK, false));
        for (int step = 0; step < 2; step++) {
            Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(requestId)
                    .singleResult();
            engine.getTaskService().complete(task.getId(), Variables.createVariables().putValue("decision", "APPROVE"));
        }
        Task signing = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(requestId).singleResult();
        assertThat(signing.getTaskDefinitionKey()).isEqualTo("Task_Kades");
        assertThat(signing.getName()).isEqualTo("Tanda tangan Sekretaris Desa a.n. Kepala Desa");
        assertThat(engine.getTaskService().getIdentityLinksForTask(signing.getId())).anySatisfy(
                link -> assertThat(link.getGroupId()).isEqualTo("desa:3309012005:sekdes"));
        Object otherVillages = engine.getDecisionService().evaluateDecisionTableByKey("penandatangan-surat",
                Variables.createVariables().putValue("villageCode", "3309012004")).getSingleEntry();
        assertThat(otherVillages).isEqualTo("kades");
    }

    @Test
    void theDecisionTableNamesAKasiForEveryLetterTypeAndNoneForAnUnknownOne() throws IOException {
        for (String letterType : letterTypes()) {
            Object kasi = engine.getDecisionService().evaluateDecisionTableByKey("kasi-surat",
                    Variables.createVariables().putValue("letterType", letterType)).getSingleEntry();
            assertThat(kasi).as(letterType).isEqualTo(PEMERINTAHAN.contains(letterType) ? "kasi-pemerintahan"
                    : "kasi-pelayanan");
        }
        assertThat(engine.getDecisionService().evaluateDecisionTableByKey("kasi-surat",
                Variables.createVariables().putValue("letterType", "surat-lain")).getSingleResult()).isNull();
    }

    /** Each letter type's own process: every flow node visited (the chain has its own coverage test). */
    @AfterAll
    static void everyFlowNodeOfEveryLetterTypeVisited() {
        new TreeSet<>(VISITED.keySet()).forEach(type ->
                FlowNodeCoverage.check("workflows/" + type + ".bpmn", VISITED.get(type)));
        assertThat(VISITED).hasSize(14);
    }
}
