package id.desaflow.approval.workflow.rules;

import id.desaflow.approval.workflow.WorkflowProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Diagrams the portal editor's approval-step tools produced from the shipped workflows (inserting a step, swapping two,
 * removing one; written by services/portal/src/test/e2e/step-tools.mjs in a real browser): an administrator's deploy
 * of them must pass every rule, so the tools never hand out a chain the service refuses.
 */
class EditorStepToolFilesTest {

    @ParameterizedTest
    @ValueSource(strings = {"surat-keterangan-usaha-kadus", "surat-keterangan-usaha-kadus-dihapus",
            "surat-keterangan-usaha-dua-kadus",
            "rantai-persetujuan-desa-rw", "rantai-persetujuan-desa-rw-ditukar", "rantai-persetujuan-desa-rw-dihapus",
            "rantai-persetujuan-desa-setiap-langkah", "rantai-persetujuan-desa-tenggat-kasi"})
    void passesEveryDeployRule(String file) throws IOException {
        String key = file.startsWith("rantai") ? DesaFlowRules.SHARED_CHAIN : "surat-keterangan-usaha";
        List<WorkflowProblem> problems = RepositoryWorkflows.validate(read(file), key);
        assertThat(problems).extracting(p -> p.rule() + "@" + p.elementId() + ": " + p.message()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"surat-keterangan-usaha-kadus"})
    void theInsertedStepIsAKepalaDusunApprovalBeforeTheChain(String file) throws IOException {
        String xml = read(file);
        assertThat(xml).contains("camunda:candidateGroups=\"desa:${villageCode}:kadus:${dusunSlug}\"",
                "<camunda:property name=\"role\" value=\"kadus\" />", "targetRef=\"Call_Chain\"",
                "camunda:delegateExpression=\"${recordRejection}\"", "<bpmn:boundaryEvent",
                "name=\"RequestCancelled\"");
        // the same diagram without the step's task listeners is refused: the test would notice a broken tool
        String broken = xml.replace("<camunda:taskListener delegateExpression=\"${approvalTaskEvents}\" event=\"create\" />", "");
        assertThat(RepositoryWorkflows.validate(broken, "surat-keterangan-usaha")).extracting(WorkflowProblem::rule)
                .contains("task-events");
    }

    /**
     * A step inserted into a letter type's own process carries its own revision loop (the process has no revision
     * path): an event-based gateway waiting for the messages ApprovalProcesses correlates, each message once per file.
     */
    @ParameterizedTest
    @ValueSource(strings = {"surat-keterangan-usaha-kadus", "surat-keterangan-usaha-dua-kadus"})
    void theInsertedStepWaitsForTheResidentsCorrectionItself(String file) throws IOException {
        String xml = read(file);
        assertThat(xml).contains("<bpmn:eventBasedGateway id=\"Gateway_TungguPerbaikan_kadus\"",
                "id=\"Task_Perbaikan_kadus\"", "camunda:delegateExpression=\"${requestRevision}\"",
                "${deadlines.of('perbaikan')}", "Batas waktu perbaikan habis", "sourceRef=\"Event_PerbaikanTerverifikasi_kadus\" "
                        + "targetRef=\"Gateway_Ulang_kadus\"");
        for (String message : List.of("RevisionVerified", "RevisionFailed", "RequestCancelled")) {
            assertThat(xml.split("name=\"" + message + "\"", -1)).as(message).hasSize(2);
        }
        // the deploy rules see the loop: a correction deadline that is not the village's setting is refused
        assertThat(RepositoryWorkflows.validate(xml.replace("${deadlines.of('perbaikan')}",
                "${deadlines.of(execution.getVariable('x').toString())}"), "surat-keterangan-usaha"))
                .extracting(WorkflowProblem::rule).contains("no-script");
    }

    @Test
    void aStepsOwnDeadlineIsWorkingDaysWithinTheLimitAndNothingElse() throws IOException {
        String xml = read("rantai-persetujuan-desa-tenggat-kasi");
        assertThat(xml).contains("camunda:dueDate=\"${deadlines.due(kasiRole, 4)}\"");
        for (String bad : List.of("${deadlines.due(kasiRole, 0)}", "${deadlines.due(kasiRole, 31)}",
                "${deadlines.due(kasiRole, 4.5)}", "${deadlines.due(kasiRole, x)}")) {
            assertThat(RepositoryWorkflows.validate(xml.replace("${deadlines.due(kasiRole, 4)}", bad),
                    DesaFlowRules.SHARED_CHAIN)).as(bad).extracting(WorkflowProblem::rule)
                    .containsAnyOf("deadline-set", "expression-safe");
        }
    }

    private static String read(String file) throws IOException {
        try (InputStream in = EditorStepToolFilesTest.class.getResourceAsStream("/editor-steps/" + file + ".bpmn")) {
            assertThat(in).as(file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
