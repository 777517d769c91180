package id.desaflow.approval.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

/**
 * Every path of the village chain workflows/rantai-persetujuan-desa.bpmn (which every letter type calls) on an
 * in-memory engine, delegates replaced by recorders.
 */
@Deployment(resources = RantaiPersetujuanDesaProcessTest.BPMN)
class RantaiPersetujuanDesaProcessTest {
    static final String BPMN = "workflows/rantai-persetujuan-desa.bpmn";
    private static final String VILLAGE = "3309012004";
    private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");
    private static final List<String> STEPS = List.of("Task_Kasi", "Task_Sekdes", "Task_Kades");

    @RegisterExtension
    @Order(1)
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("camunda.cfg.xml")
            .build();

    @RegisterExtension
    @Order(2)
    static FlowNodeCoverage coverage = new FlowNodeCoverage(engine, BPMN);

    private final List<String> calls = new ArrayList<>();
    private final List<String> rejectionReasons = new ArrayList<>();

    @BeforeEach
    void delegates() {
        init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(NOW));
        Mocks.register("deadlines", new Deadlines(Map.of("operator", "P1D", "rt", "P2D", "kadus", "P2D",
                "kasi-pelayanan", "P2D", "kasi-pemerintahan", "P3D", "sekdes", "P1D", "kades", "P2D",
                "perbaikan", "P30D")));
        Mocks.register("approvalTaskEvents", (TaskListener) (DelegateTask task) ->
                calls.add(task.getEventName() + ":" + task.getTaskDefinitionKey()));
        Mocks.register("issueLetter", (JavaDelegate) (DelegateExecution execution) -> {
            calls.add("issueLetter");
            execution.setVariable(ProcessVariables.LETTER_NUMBER, "500/001/3309012004/XI/2026");
        });
        Mocks.register("recordRejection", (JavaDelegate) (DelegateExecution execution) -> {
            calls.add("recordRejection");
            Object reason = execution.getVariable(ProcessVariables.REJECTION_REASON);
            rejectionReasons.add(reason != null ? (String) reason : (String) execution.getVariable("comment"));
        });
        Mocks.register("requestRevision", (JavaDelegate) (DelegateExecution execution) -> calls.add("requestRevision"));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void approvedByAllThreeOfficialsIssuesTheLetter() {
        ProcessInstance pi = start();
        Task kasi = task(pi);
        assertThat(engine.getTaskService().getIdentityLinksForTask(kasi.getId())).anySatisfy(
                link -> assertThat(link.getGroupId()).isEqualTo("desa:" + VILLAGE + ":kasi-pelayanan"));
        assertThat(kasi.getDueDate().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(2)));

        decide(pi, "Task_Kasi", "APPROVE", null);
        Task sekdes = task(pi);
        assertThat(sekdes.getDueDate().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(1)));
        assertThat(engine.getTaskService().getIdentityLinksForTask(sekdes.getId())).anySatisfy(
                link -> assertThat(link.getGroupId()).isEqualTo("desa:" + VILLAGE + ":sekdes"));
        decide(pi, "Task_Sekdes", "APPROVE", null);
        decide(pi, "Task_Kades", "APPROVE", null);

        assertThat(pi).isEnded().hasPassedInOrder("Task_Kasi", "Task_Sekdes", "Task_Kades",
                "Task_IssueLetter", "EndEvent_Issued").hasNotPassed("Task_RecordRejection")
                .variables().containsEntry(ProcessVariables.LETTER_NUMBER, "500/001/3309012004/XI/2026");
        assertThat(calls).containsExactly("create:Task_Kasi", "complete:Task_Kasi",
                "create:Task_Sekdes", "complete:Task_Sekdes", "create:Task_Kades", "complete:Task_Kades",
                "issueLetter");
    }

    @ParameterizedTest
    @ValueSource(strings = {"APPROVE", "REVISE", "REJECT"})
    void aLetterAboutTheDusunIsFirstExaminedByTheApplicantsKepalaDusun(String decision) {
        String requestId = UUID.randomUUID().toString();
        ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("rantai-persetujuan-desa",
                requestId, Variables.createVariables().putValue(ProcessVariables.REQUEST_ID, requestId)
                        .putValue("kasiRole", "kasi-pemerintahan").putValue("signerRole", "kades")
                        .putValue("needsKadus", true).putValue(ProcessVariables.DUSUN_SLUG, "bandung-kidul")
                        .putValue(ProcessVariables.VILLAGE_CODE, VILLAGE).putValue(ProcessVariables.REVISION, 0)
                        .putValue(ProcessVariables.MANUAL_CHECK, false));
        Task kadus = task(pi);
        assertThat(kadus.getTaskDefinitionKey()).isEqualTo("Task_Kadus");
        assertThat(engine.getTaskService().getIdentityLinksForTask(kadus.getId())).anySatisfy(
                link -> assertThat(link.getGroupId()).isEqualTo("desa:" + VILLAGE + ":kadus:bandung-kidul"));

        decide(pi, "Task_Kadus", decision, "APPROVE".equals(decision) ? null : "Warga tidak dikenal di dusun");

        switch (decision) {
            case "APPROVE" -> assertThat(pi).isWaitingAt("Task_Kasi");
            case "REVISE" -> assertThat(pi).isWaitingAt("Gateway_AwaitRevision");
            default -> assertThat(pi).isEnded().hasPassed("Task_RecordRejection", "EndEvent_Rejected");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"APPROVE", "REVISE", "REJECT"})
    void whereTheVillageChoseItTheKetuaRtApprovesFirstInsteadOfAPaperCoverLetter(String decision) {
        String requestId = UUID.randomUUID().toString();
        ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("rantai-persetujuan-desa",
                requestId, Variables.createVariables().putValue(ProcessVariables.REQUEST_ID, requestId)
                        .putValue("kasiRole", "kasi-pelayanan").putValue("signerRole", "kades")
                        .putValue(ProcessVariables.RT_STEP, true)
                        .putValue(ProcessVariables.VILLAGE_CODE, VILLAGE).putValue(ProcessVariables.REVISION, 0)
                        .putValue(ProcessVariables.MANUAL_CHECK, false));
        Task rt = task(pi);
        assertThat(rt.getTaskDefinitionKey()).isEqualTo("Task_Rt");
        assertThat(rt.getName()).isEqualTo("Pengantar Ketua RT");
        assertThat(engine.getTaskService().getIdentityLinksForTask(rt.getId())).anySatisfy(
                link -> assertThat(link.getGroupId()).isEqualTo("desa:" + VILLAGE + ":rt"));
        assertThat(rt.getDueDate()).isNotNull();

        decide(pi, "Task_Rt", decision, "APPROVE".equals(decision) ? null : "Bukan warga RT kami");

        switch (decision) {
            case "APPROVE" -> assertThat(pi).isWaitingAt("Task_Kasi").hasPassed("Gateway_AfterRt");
            case "REVISE" -> assertThat(pi).isWaitingAt("Gateway_AwaitRevision");
            default -> assertThat(pi).isEnded().hasPassed("Task_RecordRejection", "EndEvent_Rejected");
        }
    }

    @Test
    void withoutADusunOnRecordTheKadusStepIsSkippedRatherThanLeftWithoutAnyone() {
        String requestId = UUID.randomUUID().toString();
        ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("rantai-persetujuan-desa",
                requestId, Variables.createVariables().putValue(ProcessVariables.REQUEST_ID, requestId)
                        .putValue("kasiRole", "kasi-pelayanan").putValue("signerRole", "kades")
                        .putValue("needsKadus", true).putValue(ProcessVariables.DUSUN_SLUG, null)
                        .putValue(ProcessVariables.VILLAGE_CODE, VILLAGE).putValue(ProcessVariables.REVISION, 0)
                        .putValue(ProcessVariables.MANUAL_CHECK, false));
        assertThat(pi).isWaitingAt("Task_Kasi");
    }

    @Test
    void theKasiStepGoesToTheKasiTheLetterTypeNeeds() {
        ProcessInstance pi = start(false, "kasi-pemerintahan");
        Task kasi = task(pi);
        assertThat(kasi.getName()).isEqualTo("Pemeriksaan Kasi Pemerintahan");
        assertThat(engine.getTaskService().getIdentityLinksForTask(kasi.getId())).anySatisfy(
                link -> assertThat(link.getGroupId()).isEqualTo("desa:" + VILLAGE + ":kasi-pemerintahan"));
        assertThat(kasi.getDueDate().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(3)));
        assertThat(task(start()).getName()).isEqualTo("Pemeriksaan Kasi Pelayanan");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void rejectionAtAnyStepEndsWithTheOfficialsReason(int step) {
        ProcessInstance pi = start();
        approveUpTo(pi, step);
        decide(pi, STEPS.get(step), "REJECT", "Usaha tidak berada di wilayah desa");

        assertThat(pi).isEnded().hasPassed("Task_RecordRejection", "EndEvent_Rejected")
                .hasNotPassed("Task_IssueLetter", "Task_RequestRevision");
        assertThat(rejectionReasons).containsExactly("Usaha tidak berada di wilayah desa");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void revisionVerifiedGoesBackToKasiPelayanan(int step) {
        ProcessInstance pi = start();
        approveUpTo(pi, step);
        decide(pi, STEPS.get(step), "REVISE", "Foto tempat usaha belum dilampirkan");
        assertThat(pi).isWaitingAt("Gateway_AwaitRevision");
        assertThat(calls).contains("requestRevision");

        engine.getRuntimeService().createMessageCorrelation("RevisionVerified")
                .processInstanceBusinessKey(pi.getBusinessKey()).setVariable(ProcessVariables.REVISION, 1)
                .correlate();
        assertThat(pi).isWaitingAt("Task_Kasi");
        approveUpTo(pi, 3);

        assertThat(pi).isEnded().hasPassed("Event_RevisionVerified", "Task_IssueLetter", "EndEvent_Issued")
                .variables().containsEntry(ProcessVariables.REVISION, 1);
    }

    @Test
    void revisionFailingVerificationRejectsWithTheVerificationReason() {
        ProcessInstance pi = start();
        decide(pi, "Task_Kasi", "REVISE", "NIK pemohon tidak sesuai KTP");
        engine.getRuntimeService().createMessageCorrelation("RevisionFailed")
                .processInstanceBusinessKey(pi.getBusinessKey())
                .setVariable(ProcessVariables.REJECTION_REASON, "Perbaikan tidak lolos verifikasi: NIK tidak terdaftar")
                .correlate();

        assertThat(pi).isEnded().hasPassed("Event_RevisionFailed", "Task_RecordRejection", "EndEvent_Rejected");
        assertThat(rejectionReasons).containsExactly("Perbaikan tidak lolos verifikasi: NIK tidak terdaftar");
    }

    @Test
    void revisionWindowOfThirtyDaysRunsOut() {
        ProcessInstance pi = start();
        decide(pi, "Task_Kasi", "REVISE", "Lampirkan surat pengantar RT");
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers()
                .singleResult();
        assertThat(timer.getDuedate().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(30)));

        ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofDays(31))));
        engine.getManagementService().executeJob(timer.getId());

        assertThat(pi).isEnded().hasPassed("Event_RevisionTimeout", "Task_RecordRejection", "EndEvent_Rejected");
        assertThat(rejectionReasons).containsExactly("Batas waktu perbaikan habis");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void cancellationWhileAnOfficialDecidesEndsTheChain(int step) {
        ProcessInstance pi = start();
        approveUpTo(pi, step);
        cancel(pi);

        assertThat(pi).isEnded().hasPassed("StartEvent_Cancelled", "EndEvent_Cancelled")
                .hasNotPassed("Task_RecordRejection", "Task_IssueLetter");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void cancellationWhileWaitingForRevisionEndsTheChain() {
        ProcessInstance pi = start();
        decide(pi, "Task_Kasi", "REVISE", "Alamat usaha kurang lengkap");
        cancel(pi);

        assertThat(pi).isEnded().hasPassed("EndEvent_Cancelled").hasNotPassed("Task_RecordRejection");
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void inconclusiveVerificationStartsWithTheOperatorsManualCheckThenTheUsualChain() {
        ProcessInstance pi = start(true);
        Task manual = task(pi);
        assertThat(manual.getTaskDefinitionKey()).isEqualTo("Task_ManualCheck");
        assertThat(engine.getTaskService().getIdentityLinksForTask(manual.getId())).anySatisfy(
                link -> assertThat(link.getGroupId()).isEqualTo("desa:" + VILLAGE + ":operator"));
        assertThat(manual.getDueDate().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(1)));

        decide(pi, "Task_ManualCheck", "APPROVE", "Dusun dicocokkan dengan buku induk");
        approveUpTo(pi, 3);

        assertThat(pi).isEnded().hasPassedInOrder("Task_ManualCheck", "Task_Kasi", "Task_Sekdes",
                "Task_Kades", "EndEvent_Issued");
    }

    @Test
    void theOperatorMayRejectAfterTheManualCheck() {
        ProcessInstance pi = start(true);
        decide(pi, "Task_ManualCheck", "REJECT", "Tidak tercatat di buku induk penduduk");

        assertThat(pi).isEnded().hasPassed("EndEvent_Rejected").hasNotPassed("Task_Kasi");
        assertThat(rejectionReasons).containsExactly("Tidak tercatat di buku induk penduduk");
    }

    @Test
    void theOperatorMayAskForARevisionAndTheRevisedRequestGoesToKasiPelayanan() {
        ProcessInstance pi = start(true);
        decide(pi, "Task_ManualCheck", "REVISE", "Lampirkan foto Kartu Keluarga terbaru");
        assertThat(pi).isWaitingAt("Gateway_AwaitRevision");

        engine.getRuntimeService().createMessageCorrelation("RevisionVerified")
                .processInstanceBusinessKey(pi.getBusinessKey()).setVariable(ProcessVariables.REVISION, 1)
                .correlate();
        assertThat(pi).isWaitingAt("Task_Kasi");
    }

    @Test
    void completionWithoutAValidDecisionIsRefusedAndTheTaskStays() {
        ProcessInstance pi = start();
        Task kasi = task(pi);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.getTaskService().complete(kasi.getId(),
                Variables.createVariables().putValue("decision", "MAYBE"))).isInstanceOf(RuntimeException.class);
        assertThat(pi).isWaitingAt("Task_Kasi");
    }

    private ProcessInstance start() {
        return start(false);
    }

    private ProcessInstance start(boolean manualCheck) {
        return start(manualCheck, "kasi-pelayanan");
    }

    private ProcessInstance start(boolean manualCheck, String kasiRole) {
        String requestId = UUID.randomUUID().toString();
        return engine.getRuntimeService().startProcessInstanceByKey("rantai-persetujuan-desa", requestId,
                Variables.createVariables().putValue(ProcessVariables.REQUEST_ID, requestId)
                        .putValue("kasiRole", kasiRole)
                        .putValue("signerRole", "kades")
                        .putValue(ProcessVariables.VILLAGE_CODE, VILLAGE)
                        .putValue(ProcessVariables.LETTER_TYPE, "surat-keterangan-usaha")
                        .putValue(ProcessVariables.APPLICANT_NAME, "Warga Uji")
                        .putValue(ProcessVariables.REVISION, 0)
                        .putValue(ProcessVariables.MANUAL_CHECK, manualCheck));
    }

    private void approveUpTo(ProcessInstance pi, int step) {
        for (int i = 0; i < step; i++) {
            decide(pi, STEPS.get(i), "APPROVE", null);
        }
    }

    private void decide(ProcessInstance pi, String expectedTask, String decision, String comment) {
        assertThat(pi).isWaitingAt(expectedTask);
        engine.getTaskService().complete(task(pi).getId(),
                Variables.createVariables().putValue("decision", decision).putValue("comment", comment));
    }

    private void cancel(ProcessInstance pi) {
        engine.getRuntimeService().createMessageCorrelation("RequestCancelled")
                .processInstanceBusinessKey(pi.getBusinessKey()).correlate();
    }

    private Task task(ProcessInstance pi) {
        return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    }
}
