package id.desaflow.approval.workflow.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static id.desaflow.approval.workflow.rules.Mutations.CHAIN;
import static id.desaflow.approval.workflow.rules.Mutations.CHAIN_KEY;
import static id.desaflow.approval.workflow.rules.Mutations.SKU;
import static id.desaflow.approval.workflow.rules.Mutations.SKU_KEY;
import static id.desaflow.approval.workflow.rules.Mutations.addedToChain;
import static id.desaflow.approval.workflow.rules.Mutations.addedToSku;
import static id.desaflow.approval.workflow.rules.Mutations.problems;
import static id.desaflow.approval.workflow.rules.Mutations.replace;
import static org.assertj.core.api.Assertions.assertThat;

/** DesaFlow's own rules: what the approval service, the inbox and the catalogue rely on. */
class DesaFlowRulesTest {
    private static final String SEKDES_GROUP = "camunda:candidateGroups=\"desa:${villageCode}:sekdes\"";
    private static final String KASI_APPROVE = "<bpmn:sequenceFlow id=\"Flow_KasiApprove\" name=\"Setuju\" "
            + "sourceRef=\"Gateway_KasiDecision\" targetRef=\"Task_Sekdes\">\n      <bpmn:conditionExpression "
            + "xsi:type=\"bpmn:tFormalExpression\">${execution.getVariable('decision') == 'APPROVE'}";

    @Test
    void processIdMustBeTheWorkflowBeingEdited() {
        assertThat(problems(SKU, "surat-keterangan-domisili")).containsExactly("process-id-letter-type@" + SKU_KEY);
    }

    @Test
    void processIdMustBeALetterTypeOrTheChain() {
        String xml = SKU.replace(SKU_KEY, "surat-rahasia");
        assertThat(problems(xml, null)).containsExactly("process-id-letter-type@surat-rahasia");
        assertThat(problems(CHAIN, null)).doesNotContain("process-id-letter-type@" + CHAIN_KEY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"desa:${villageCode}:warga", "desa:${villageCode}:lurah", "desa:3309012004:sekdes",
            "desa:${villageCode}:${anyRole}", "${assigneeGroup}", "sekdes", "desa:${villageCode}:sekdes,admin"})
    void candidateGroupMustBeAKnownRole(String group) {
        String xml = replace(CHAIN, SEKDES_GROUP, "camunda:candidateGroups=\"" + group + "\"");
        assertThat(addedToChain(xml)).containsExactly("candidate-group-role@Task_Sekdes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"desa:${villageCode}:kades", "desa:${villageCode}:admin-desa", "${signerRole}",
            "desa:${villageCode}:${candidateGroup}"})
    void candidateGroupAcceptsRolesAndTheDecisionTablesVariables(String group) {
        String xml = replace(CHAIN, SEKDES_GROUP, "camunda:candidateGroups=\"" + group + "\"");
        assertThat(addedToChain(xml)).isEmpty();
    }

    @Test
    void tasksAreNeverAssignedToPeopleInTheFile() {
        assertThat(addedToChain(replace(CHAIN, SEKDES_GROUP, SEKDES_GROUP + " camunda:assignee=\"demo\"")))
                .containsExactly("candidate-group-role@Task_Sekdes");
        assertThat(addedToChain(replace(CHAIN, SEKDES_GROUP, "")))
                .containsExactly("candidate-group-role@Task_Sekdes");
    }

    @Test
    void everyDecisionIsRouted() {
        String xml = replace(CHAIN, "<bpmn:sequenceFlow id=\"Flow_KasiReject\" name=\"Tolak\" sourceRef=\"Gateway_KasiDecision\" "
                + "targetRef=\"Gateway_ToRejection\">\n      <bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">"
                + "${execution.getVariable('decision') == 'REJECT'}", "<bpmn:sequenceFlow id=\"Flow_KasiReject\" "
                + "name=\"Tolak\" sourceRef=\"Gateway_KasiDecision\" targetRef=\"Gateway_ToRejection\">\n      "
                + "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">${decision == 'TOLAK'}");
        assertThat(addedToChain(xml)).containsExactly("decision-handled@Gateway_KasiDecision");
    }

    @Test
    void aDefaultFlowRoutesEveryOtherDecision() {
        String xml = replace(CHAIN, "<bpmn:exclusiveGateway id=\"Gateway_KasiDecision\" name=\"Keputusan Kasi?\">",
                "<bpmn:exclusiveGateway id=\"Gateway_KasiDecision\" name=\"Keputusan Kasi?\" default=\"Flow_KasiReject\">");
        xml = replace(xml, Mutations.KASI_REJECT, Mutations.KASI_REJECT_UNCONDITIONAL);
        assertThat(addedToChain(xml)).isEmpty();
    }

    @Test
    void aTaskWhoseDecisionIsNotRoutedIsRefused() {
        String xml = replace(CHAIN, "<bpmn:sequenceFlow id=\"Flow_SekdesDone\" sourceRef=\"Task_Sekdes\" "
                + "targetRef=\"Gateway_SekdesDecision\" />", "<bpmn:sequenceFlow id=\"Flow_SekdesDone\" "
                + "sourceRef=\"Task_Sekdes\" targetRef=\"Task_Kades\" />");
        assertThat(addedToChain(xml)).contains("decision-handled@Task_Sekdes");
    }

    @Test
    void everyTaskHasADeadline() {
        assertThat(addedToChain(replace(CHAIN, " camunda:dueDate=\"${deadlines.due('sekdes')}\"", "")))
                .containsExactly("deadline-set@Task_Sekdes");
        assertThat(addedToChain(replace(CHAIN, "${deadlines.due('sekdes')}", "${deadlines.due('lurah')}")))
                .containsExactly("deadline-set@Task_Sekdes");
        assertThat(addedToChain(replace(CHAIN, "${deadlines.due('sekdes')}", "2026-12-31T00:00:00")))
                .containsExactly("deadline-set@Task_Sekdes");
    }

    @Test
    void callActivitiesCallOnlyKnownWorkflows() {
        assertThat(addedToSku(replace(SKU, "calledElement=\"rantai-persetujuan-desa\"", "calledElement=\"proses-lain\"")))
                .containsExactly("called-element@Call_Chain");
        assertThat(addedToSku(replace(SKU, "calledElement=\"rantai-persetujuan-desa\"", "calledElement=\"${chain}\"")))
                .containsExactly("called-element@Call_Chain");
    }

    @Test
    void noScriptTask() {
        String xml = replace(CHAIN, "<bpmn:serviceTask id=\"Task_IssueLetter\" name=\"Terbitkan nomor surat\" "
                + "camunda:delegateExpression=\"${issueLetter}\">", "<bpmn:scriptTask id=\"Task_IssueLetter\" "
                + "name=\"Terbitkan nomor surat\" scriptFormat=\"groovy\">");
        xml = replace(xml, "<bpmn:outgoing>Flow_Issued</bpmn:outgoing>\n    </bpmn:serviceTask>",
                "<bpmn:outgoing>Flow_Issued</bpmn:outgoing><bpmn:script>'rm -rf /'.execute()</bpmn:script></bpmn:scriptTask>");
        assertThat(addedToChain(xml)).isNotEmpty().containsOnly("no-script@Task_IssueLetter");
    }

    @ParameterizedTest
    @ValueSource(strings = {"camunda:delegateExpression=\"${runtimeService}\"", "camunda:class=\"java.lang.Runtime\"",
            "camunda:expression=\"${issueLetter.execute(execution)}\"",
            "camunda:delegateExpression=\"${issueLetter.getClass()}\""})
    void onlyOurOwnDelegates(String implementation) {
        String xml = replace(CHAIN, "camunda:delegateExpression=\"${issueLetter}\"", implementation);
        assertThat(addedToChain(xml)).containsExactly("no-script@Task_IssueLetter");
    }

    @Test
    void noScriptListenersOrConnectors() {
        String listener = "<camunda:taskListener delegateExpression=\"${approvalTaskEvents}\" event=\"create\" />";
        String sekdes = "<camunda:property name=\"role\" value=\"sekdes\" />\n        </camunda:properties>\n        "
                + listener;
        assertThat(addedToChain(replace(CHAIN, sekdes, sekdes + "<camunda:taskListener event=\"create\">"
                + "<camunda:script scriptFormat=\"javascript\">java.lang.System.exit(0)</camunda:script>"
                + "</camunda:taskListener>"))).isNotEmpty().containsOnly("no-script@Task_Sekdes");
        assertThat(addedToChain(replace(CHAIN, sekdes, sekdes + "<camunda:taskListener event=\"create\" "
                + "class=\"org.example.Evil\" />"))).containsExactly("no-script@Task_Sekdes");
        assertThat(addedToChain(replace(CHAIN, sekdes, sekdes + "<camunda:connector><camunda:connectorId>http-connector"
                + "</camunda:connectorId></camunda:connector>"))).isNotEmpty().containsOnly("no-script@Task_Sekdes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"${execution.getProcessEngineServices().getRuntimeService() != null}",
            "${''.getClass().forName('java.lang.Runtime') != null}", "${decision == 'APPROVE' || x.y}",
            "${execution.getVariable(name) == 'APPROVE'}", "${decision == 'APPROVE'; true}",
            "${decision = 'APPROVE'}", "${decision == 'APPROVE'"})
    void conditionsAreValuesAndComparisonsOnly(String condition) {
        String xml = replace(CHAIN, KASI_APPROVE, KASI_APPROVE.replace(
                "${execution.getVariable('decision') == 'APPROVE'}", condition.replace("&", "&amp;")));
        assertThat(addedToChain(xml)).contains("no-script@Flow_KasiApprove");
    }

    @Test
    void expressionsElsewhereAreCheckedToo() {
        assertThat(addedToChain(replace(CHAIN, "name=\"Paraf Sekretaris Desa\"",
                "name=\"${execution.getProcessEngine().getName()}\""))).containsExactly("no-script@Task_Sekdes");
        assertThat(addedToChain(replace(CHAIN, "${deadlines.of('perbaikan')}", "${deadlines.durations}")))
                .containsExactly("no-script@Event_RevisionTimeout");
    }

    @Test
    void activitiExtensionsAreRefused() {
        String xml = replace(CHAIN, "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\"",
                "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" xmlns:activiti=\"http://activiti.org/bpmn\"");
        xml = replace(xml, "camunda:delegateExpression=\"${issueLetter}\"", "camunda:delegateExpression=\"${issueLetter}\" "
                + "activiti:class=\"org.example.Evil\"");
        assertThat(addedToChain(xml)).containsExactly("no-script@Task_IssueLetter");
    }

    @Test
    void everyTaskNamesItsRole() {
        String property = "<camunda:property name=\"role\" value=\"sekdes\" />";
        String sekdes = "<camunda:properties>\n          " + property + "\n        </camunda:properties>\n        "
                + "<camunda:taskListener delegateExpression=\"${approvalTaskEvents}\" event=\"create\" />\n        "
                + "<camunda:taskListener delegateExpression=\"${approvalTaskEvents}\" event=\"complete\" />\n      "
                + "</bpmn:extensionElements>\n      <bpmn:incoming>Flow_KasiApprove</bpmn:incoming>";
        assertThat(addedToChain(replace(CHAIN, sekdes, sekdes.replace(property, ""))))
                .containsExactly("candidate-group-role@Task_Sekdes");
        assertThat(addedToChain(replace(CHAIN, sekdes, sekdes.replace("value=\"sekdes\"", "value=\"lurah\""))))
                .containsExactly("candidate-group-role@Task_Sekdes");
        assertThat(addedToChain(replace(CHAIN, sekdes, sekdes.replace("value=\"sekdes\"", "value=\"${kasiRole}\""))))
                .isEmpty();
    }

    @Test
    void everyTaskTellsTheRestOfDesaFlow() {
        String complete = "<camunda:taskListener delegateExpression=\"${approvalTaskEvents}\" event=\"complete\" />\n"
                + "      </bpmn:extensionElements>\n      <bpmn:incoming>Flow_KasiApprove</bpmn:incoming>";
        assertThat(addedToChain(replace(CHAIN, complete, complete.replace("<camunda:taskListener "
                + "delegateExpression=\"${approvalTaskEvents}\" event=\"complete\" />", ""))))
                .containsExactly("task-events@Task_Sekdes");
    }
}
