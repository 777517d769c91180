package id.desaflow.approval.process;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The approval steps the portal editor's tools insert run as officials expect (diagrams the tools produced in a real
 * browser: src/test/resources/editor-steps, see EditorStepToolFilesTest): in the SKU, the applicant's kepala dusun
 * decides before the village chain; approving goes on to the kasi, rejecting ends the request with "Catat penolakan";
 * a correction request goes back to the resident through the step's own revision loop (the SKU's own process has no
 * revision path) and the verified correction comes back to the same step, a failed re-verification or the correction
 * deadline ends it with its reason; a withdrawal ends it at the step, while it waits for the correction or in the
 * chain; in the village chain an inserted Ketua RW step sends a correction request to the chain's revision path.
 */
@Deployment(resources = {"workflows/kasi-surat.dmn", "workflows/penandatangan-surat.dmn", "workflows/kadus-surat.dmn",
        "workflows/rantai-persetujuan-desa.bpmn", "editor-steps/surat-keterangan-usaha-kadus.bpmn"})
class EditorStepToolProcessTest {
    private static final String VILLAGE = "3309012004";
    private static final String SKU = "surat-keterangan-usaha";

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("camunda.cfg.xml")
            .build();

    private final List<String> calls = new ArrayList<>();

    @BeforeEach
    void delegates() {
        DelegateMocks.register(calls, task -> task.getEventName() + ":" + task.getName());
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    private String startSku() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-23T05:00:00Z"))); // a Monday, noon in Jakarta
        String requestId = UUID.randomUUID().toString();
        engine.getRuntimeService().startProcessInstanceByKey(SKU, requestId, Variables.createVariables()
                .putValue(ProcessVariables.REQUEST_ID, requestId).putValue(ProcessVariables.LETTER_TYPE, SKU)
                .putValue(ProcessVariables.VILLAGE_CODE, VILLAGE).putValue(ProcessVariables.DUSUN_SLUG, "beji")
                .putValue(ProcessVariables.REVISION, 0).putValue(ProcessVariables.MANUAL_CHECK, false));
        return requestId;
    }

    private Task task(String requestId) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(requestId).singleResult();
    }

    private void decide(String requestId, String decision) {
        engine.getTaskService().complete(task(requestId).getId(),
                Variables.createVariables().putValue("decision", decision).putValue("comment", "Catatan"));
    }

    private boolean running(String requestId) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(requestId).count() > 0;
    }

    @Test
    void theKepalaDusunOfTheApplicantsDusunApprovesFirstThenTheChainToTheLetter() {
        String requestId = startSku();

        Task kadus = task(requestId);
        assertThat(kadus.getName()).isEqualTo("Persetujuan Kepala Dusun");
        // the administrator gave this step 3 working days (its role's setting is 2): Monday noon -> Thursday noon
        assertThat(kadus.getDueDate()).isEqualTo(Date.from(Instant.parse("2026-11-26T05:00:00Z")));
        assertThat(engine.getTaskService().getIdentityLinksForTask(kadus.getId())).anySatisfy(
                link -> assertThat(link.getGroupId()).isEqualTo("desa:" + VILLAGE + ":kadus:beji"));
        decide(requestId, "APPROVE");
        for (String step : List.of("Task_Kasi", "Task_Sekdes", "Task_Kades")) {
            assertThat(task(requestId).getTaskDefinitionKey()).isEqualTo(step);
            decide(requestId, "APPROVE");
        }

        assertThat(running(requestId)).isFalse();
        assertThat(calls).startsWith("create:Persetujuan Kepala Dusun", "complete:Persetujuan Kepala Dusun")
                .endsWith("issueLetter");
    }

    @Test
    void aRejectionByTheKepalaDusunEndsTheRequestWithItsReason() {
        String requestId = startSku();
        decide(requestId, "REJECT");
        assertThat(running(requestId)).isFalse();
        assertThat(calls).containsExactly("create:Persetujuan Kepala Dusun", "complete:Persetujuan Kepala Dusun",
                "reject:Catatan");
    }

    /** The kepala dusun asks for a correction: the SKU's process now waits as ApprovalProcesses expects. */
    private String correctionRequested() {
        String requestId = startSku();
        decide(requestId, "REVISE");
        assertThat(calls).containsExactly("create:Persetujuan Kepala Dusun", "complete:Persetujuan Kepala Dusun",
                "revise");
        assertThat(running(requestId)).isTrue();
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(requestId).count()).isZero();
        for (String message : List.of(ApprovalProcesses.REVISION_VERIFIED, ApprovalProcesses.REVISION_FAILED,
                ApprovalProcesses.REQUEST_CANCELLED)) {
            assertThat(waitsFor(requestId, message)).as(message).isTrue();
        }
        return requestId;
    }

    private boolean waitsFor(String requestId, String message) {
        return ApprovalProcesses.waitsFor(engine.getRuntimeService(), requestId, message);
    }

    /** As ApprovalProcesses.verified resumes a request waiting for its revision. */
    private void correctionVerified(String requestId) {
        engine.getRuntimeService().createMessageCorrelation(ApprovalProcesses.REVISION_VERIFIED)
                .processInstanceBusinessKey(requestId).setVariables(Variables.createVariables()
                        .putValue(ProcessVariables.REVISION, 1).putValue(ProcessVariables.DUSUN_SLUG, "beji"))
                .correlate();
    }

    @Test
    void aCorrectionRequestGoesBackToTheResidentAndTheVerifiedCorrectionToTheSameKepalaDusun() {
        String requestId = correctionRequested();

        correctionVerified(requestId);
        Task again = task(requestId);
        assertThat(again.getTaskDefinitionKey()).isEqualTo("Task_Persetujuan_kadus");
        assertThat(engine.getTaskService().getIdentityLinksForTask(again.getId())).anySatisfy(
                link -> assertThat(link.getGroupId()).isEqualTo("desa:" + VILLAGE + ":kadus:beji"));
        assertThat(calls).endsWith("revise", "create:Persetujuan Kepala Dusun");
        assertThat(waitsFor(requestId, ApprovalProcesses.REVISION_VERIFIED)).isFalse();

        decide(requestId, "APPROVE");
        assertThat(task(requestId).getTaskDefinitionKey()).isEqualTo("Task_Kasi");
        assertThat(calls).noneMatch(call -> call.startsWith("reject"));
    }

    @Test
    void aFailedReVerificationOrTheCorrectionDeadlineEndsTheRequestWithItsReason() {
        String failed = correctionRequested();
        // as ApprovalProcesses.verificationFailed
        engine.getRuntimeService().createMessageCorrelation(ApprovalProcesses.REVISION_FAILED)
                .processInstanceBusinessKey(failed).setVariable(ProcessVariables.REJECTION_REASON,
                        "Perbaikan tidak lolos verifikasi: NIK tidak ditemukan").correlate();
        assertThat(running(failed)).isFalse();
        assertThat(calls).endsWith("revise", "reject:Perbaikan tidak lolos verifikasi: NIK tidak ditemukan");

        calls.clear();
        String late = correctionRequested();
        String instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(late)
                .singleResult().getId();
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(instance).timers().singleResult();
        // desaflow.deadlines.perbaikan (P30D in these tests) from Monday 2026-11-23
        assertThat(timer.getDuedate()).isAfter(Date.from(Instant.parse("2026-12-22T00:00:00Z")));
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-01-31T00:00:00Z")));
        engine.getManagementService().executeJob(timer.getId());
        assertThat(running(late)).isFalse();
        assertThat(calls).endsWith("revise", "reject:Batas waktu perbaikan habis");
    }

    @Test
    void aWithdrawalWhileTheCorrectionIsAwaitedEndsTheRequestWithoutARejection() {
        String requestId = correctionRequested();
        // as ApprovalProcesses.cancelled: every waiting subscription of the request
        assertThat(engine.getRuntimeService().createMessageCorrelation(ApprovalProcesses.REQUEST_CANCELLED)
                .processInstanceBusinessKey(requestId).correlateAllWithResult()).hasSize(1);
        assertThat(running(requestId)).isFalse();
        assertThat(engine.getManagementService().createJobQuery().count()).isZero(); // the correction deadline too
        assertThat(calls).noneMatch(call -> call.startsWith("reject"));
    }

    /** Two inserted kepala dusun steps, each with its own loop: a correction returns to the step that asked for it. */
    @Test
    @Deployment(resources = {"workflows/kasi-surat.dmn", "workflows/penandatangan-surat.dmn",
            "workflows/kadus-surat.dmn", "workflows/rantai-persetujuan-desa.bpmn",
            "editor-steps/surat-keterangan-usaha-dua-kadus.bpmn"})
    void withTwoInsertedStepsACorrectionReturnsToTheStepThatAskedForIt() {
        String requestId = startSku();
        assertThat(task(requestId).getTaskDefinitionKey()).isEqualTo("Task_Persetujuan_kadus_2");
        decide(requestId, "APPROVE");
        assertThat(task(requestId).getTaskDefinitionKey()).isEqualTo("Task_Persetujuan_kadus");
        decide(requestId, "REVISE");
        assertThat(waitsFor(requestId, ApprovalProcesses.REVISION_VERIFIED)).isTrue();
        correctionVerified(requestId);
        assertThat(task(requestId).getTaskDefinitionKey()).isEqualTo("Task_Persetujuan_kadus");
        decide(requestId, "APPROVE");
        assertThat(task(requestId).getTaskDefinitionKey()).isEqualTo("Task_Kasi");
    }

    /**
     * The resident withdraws while the request waits at the inserted step (the SKU's own process, which has no event
     * sub-process for it: the step's boundary event catches it) and while it is in the chain (only the chain's event
     * sub-process waits then): both times the approval service's correlation to every waiting subscription of the
     * request ends everything.
     */
    @Test
    void aWithdrawalEndsTheRequestAtTheInsertedStepAndLaterInTheChain() {
        for (boolean inChain : List.of(false, true)) {
            String requestId = startSku();
            if (inChain) {
                decide(requestId, "APPROVE");
                assertThat(task(requestId).getTaskDefinitionKey()).isEqualTo("Task_Kasi");
            }
            assertThat(engine.getRuntimeService().createMessageCorrelation("RequestCancelled")
                    .processInstanceBusinessKey(requestId).correlateAllWithResult()).as("in chain: %s", inChain)
                    .hasSize(1);
            assertThat(running(requestId)).as("in chain: %s", inChain).isFalse();
            assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(requestId).count()).isZero();
        }
    }

    @Test
    @Deployment(resources = "editor-steps/rantai-persetujuan-desa-rw.bpmn")
    void aKetuaRwStepInsertedInTheChainSendsCorrectionRequestsToTheChainsRevisionPath() {
        String requestId = UUID.randomUUID().toString();
        engine.getRuntimeService().startProcessInstanceByKey("rantai-persetujuan-desa", requestId,
                Variables.createVariables().putValue(ProcessVariables.VILLAGE_CODE, VILLAGE)
                        .putValue(ProcessVariables.MANUAL_CHECK, false).putValue("needsKadus", false)
                        .putValue("kasiRole", "kasi-pelayanan").putValue("signerRole", "kades"));
        decide(requestId, "APPROVE"); // kasi
        Task rw = task(requestId);
        assertThat(rw.getName()).isEqualTo("Persetujuan Ketua RW");
        assertThat(engine.getTaskService().getIdentityLinksForTask(rw.getId())).anySatisfy(
                link -> assertThat(link.getGroupId()).isEqualTo("desa:" + VILLAGE + ":rw"));
        decide(requestId, "REVISE");

        assertThat(calls).endsWith("complete:Persetujuan Ketua RW", "revise");
        assertThat(engine.getRuntimeService().createExecutionQuery().processInstanceBusinessKey(requestId)
                .messageEventSubscriptionName("RevisionVerified").count()).isEqualTo(1);
    }
}
