package id.desaflow.approval.workflow.rules;

import org.junit.jupiter.api.Test;

import static id.desaflow.approval.workflow.rules.Mutations.CHAIN;
import static id.desaflow.approval.workflow.rules.Mutations.SKU;
import static id.desaflow.approval.workflow.rules.Mutations.SKU_KEY;
import static id.desaflow.approval.workflow.rules.Mutations.addToProcess;
import static id.desaflow.approval.workflow.rules.Mutations.addedToChain;
import static id.desaflow.approval.workflow.rules.Mutations.addedToSku;
import static id.desaflow.approval.workflow.rules.Mutations.problems;
import static id.desaflow.approval.workflow.rules.Mutations.replace;
import static org.assertj.core.api.Assertions.assertThat;

/** bpmnlint's recommended rules, one invalid file each (made from a shipped file). */
class LintRulesTest {
    private static final String START = "<bpmn:startEvent id=\"StartEvent_Verified\" name=\"Permohonan terverifikasi\">"
            + "\n      <bpmn:outgoing>Flow_ToRoute</bpmn:outgoing>\n    </bpmn:startEvent>";
    private static final String END = "<bpmn:endEvent id=\"EndEvent_Done\" name=\"Selesai\">\n"
            + "      <bpmn:incoming>Flow_ToEnd</bpmn:incoming>\n    </bpmn:endEvent>";
    private static final String TO_CHAIN = "<bpmn:sequenceFlow id=\"Flow_ToChain\" sourceRef=\"Task_ChooseKadus\" "
            + "targetRef=\"Call_Chain\" />";

    @Test
    void aShippedLetterWorkflowHasNoProblem() {
        assertThat(problems(SKU, SKU_KEY)).isEmpty();
    }

    @Test
    void startEventRequired() {
        String xml = replace(SKU, START, "<bpmn:intermediateThrowEvent id=\"StartEvent_Verified\" name=\"Mulai\" />");
        assertThat(addedToSku(xml)).contains("start-event-required@" + SKU_KEY);
    }

    @Test
    void endEventRequired() {
        String xml = replace(SKU, END, "<bpmn:intermediateThrowEvent id=\"EndEvent_Done\" name=\"Selesai\" />");
        assertThat(addedToSku(xml)).contains("end-event-required@" + SKU_KEY, "no-implicit-end@EndEvent_Done");
    }

    @Test
    void noDisconnected() {
        String xml = addToProcess(SKU, "<bpmn:task id=\"Task_Lone\" name=\"Sendiri\" />");
        assertThat(addedToSku(xml)).contains("no-disconnected@Task_Lone");
    }

    @Test
    void noImplicitSplitAndFakeJoin() {
        String xml = addToProcess(SKU, "<bpmn:sequenceFlow id=\"Flow_Shortcut\" sourceRef=\"Task_ChooseKasi\" "
                + "targetRef=\"EndEvent_Done\" />");
        assertThat(addedToSku(xml)).containsExactlyInAnyOrder("no-implicit-split@Task_ChooseKasi",
                "fake-join@EndEvent_Done");
    }

    @Test
    void superfluousGateway() {
        assertThat(addedToSku(gatewayBeforeChain("exclusiveGateway")))
                .containsExactly("superfluous-gateway@Gateway_Extra");
    }

    @Test
    void noComplexGateway() {
        assertThat(addedToSku(gatewayBeforeChain("complexGateway"))).contains("no-complex-gateway@Gateway_Extra");
    }

    @Test
    void noInclusiveGateway() {
        assertThat(addedToSku(gatewayBeforeChain("inclusiveGateway"))).contains("no-inclusive-gateway@Gateway_Extra");
    }

    private static String gatewayBeforeChain(String type) {
        String xml = replace(SKU, TO_CHAIN, TO_CHAIN.replace("Call_Chain", "Gateway_Extra"));
        return addToProcess(xml, "<bpmn:" + type + " id=\"Gateway_Extra\" name=\"Lewat\" />"
                + "<bpmn:sequenceFlow id=\"Flow_Extra\" sourceRef=\"Gateway_Extra\" targetRef=\"Call_Chain\" />");
    }

    @Test
    void noGatewayJoinFork() {
        String xml = addToProcess(CHAIN, "<bpmn:sequenceFlow id=\"Flow_Extra\" name=\"Pintas\" "
                + "sourceRef=\"Gateway_ToKasi\" targetRef=\"EndEvent_Rejected\" />");
        assertThat(addedToChain(xml)).contains("no-gateway-join-fork@Gateway_ToKasi");
    }

    @Test
    void labelRequiredOnNodesAndConditionalFlows() {
        assertThat(addedToSku(replace(SKU, "name=\"Tentukan kasi pemeriksa\" ", "")))
                .containsExactly("label-required@Task_ChooseKasi");
        assertThat(addedToChain(replace(CHAIN, "<bpmn:sequenceFlow id=\"Flow_KasiReject\" name=\"Tolak\"",
                "<bpmn:sequenceFlow id=\"Flow_KasiReject\""))).containsExactly("label-required@Flow_KasiReject");
    }

    @Test
    void noDuplicateSequenceFlows() {
        String xml = addToProcess(SKU, "<bpmn:sequenceFlow id=\"Flow_ToEndAgain\" sourceRef=\"Call_Chain\" "
                + "targetRef=\"EndEvent_Done\" />");
        assertThat(addedToSku(xml)).contains("no-duplicate-sequence-flows@Flow_ToEndAgain",
                "no-duplicate-sequence-flows@Call_Chain", "no-duplicate-sequence-flows@EndEvent_Done");
    }

    @Test
    void singleBlankStartEvent() {
        String xml = addToProcess(SKU, "<bpmn:startEvent id=\"StartEvent_Second\" name=\"Lagi\" />"
                + "<bpmn:sequenceFlow id=\"Flow_Second\" sourceRef=\"StartEvent_Second\" targetRef=\"Task_ChooseKasi\" />");
        assertThat(addedToSku(xml)).contains("single-blank-start-event@" + SKU_KEY);
    }

    @Test
    void singleEventDefinition() {
        String xml = replace(CHAIN, "<bpmn:messageEventDefinition id=\"MessageDefinition_RevisionVerified\" "
                + "messageRef=\"Message_RevisionVerified\" />", "<bpmn:messageEventDefinition "
                + "id=\"MessageDefinition_RevisionVerified\" messageRef=\"Message_RevisionVerified\" />"
                + "<bpmn:conditionalEventDefinition id=\"Condition_Extra\"><bpmn:condition>${true}</bpmn:condition>"
                + "</bpmn:conditionalEventDefinition>");
        assertThat(addedToChain(xml)).containsExactly("single-event-definition@Event_RevisionVerified");
    }

    @Test
    void superfluousTermination() {
        String xml = replace(SKU, END, END.replace("</bpmn:endEvent>",
                "<bpmn:terminateEventDefinition id=\"Terminate_Done\" /></bpmn:endEvent>"));
        assertThat(addedToSku(xml)).containsExactly("superfluous-termination@EndEvent_Done");
    }

    @Test
    void conditionalFlows() {
        String xml = replace(CHAIN, Mutations.KASI_REJECT, Mutations.KASI_REJECT_UNCONDITIONAL);
        assertThat(addedToChain(xml)).contains("conditional-flows@Flow_KasiReject");
    }

    @Test
    void noImplicitStart() {
        String xml = addToProcess(SKU, "<bpmn:task id=\"Task_Orphan\" name=\"Yatim\" />"
                + "<bpmn:sequenceFlow id=\"Flow_Orphan\" sourceRef=\"Task_Orphan\" targetRef=\"EndEvent_Done\" />");
        assertThat(addedToSku(xml)).containsExactlyInAnyOrder("no-implicit-start@Task_Orphan",
                "fake-join@EndEvent_Done");
    }

    @Test
    void noImplicitEnd() {
        String xml = replace(SKU, END, "<bpmn:task id=\"EndEvent_Done\" name=\"Selesai\" />");
        assertThat(addedToSku(xml)).contains("no-implicit-end@EndEvent_Done", "end-event-required@" + SKU_KEY);
    }

    @Test
    void noBpmnDi() {
        String xml = replace(SKU, """
                <bpmndi:BPMNShape id="Task_ChooseSigner_di" bpmnElement="Task_ChooseSigner">
                        <dc:Bounds x="390" y="80" width="100" height="80" />
                      </bpmndi:BPMNShape>""", "");
        assertThat(addedToSku(xml)).containsExactly("no-bpmndi@Task_ChooseSigner");
    }

    @Test
    void linkEvent() {
        String xml = addToProcess(SKU, "<bpmn:intermediateThrowEvent id=\"Event_LinkOut\" name=\"Ke A\">"
                + "<bpmn:linkEventDefinition id=\"Link_A\" name=\"A\" /></bpmn:intermediateThrowEvent>");
        assertThat(addedToSku(xml)).contains("link-event@Event_LinkOut");
    }

    @Test
    void eventSubProcessTypedStartEvent() {
        String xml = replace(CHAIN, "<bpmn:messageEventDefinition id=\"MessageDefinition_RequestCancelled\" "
                + "messageRef=\"Message_RequestCancelled\" />", "");
        assertThat(addedToChain(xml)).contains("event-sub-process-typed-start-event@StartEvent_Cancelled");
    }

    @Test
    void subProcessBlankStartEvent() {
        String xml = replace(CHAIN, "triggeredByEvent=\"true\"", "triggeredByEvent=\"false\"");
        assertThat(addedToChain(xml)).contains("sub-process-blank-start-event@StartEvent_Cancelled");
    }

    @Test
    void eventBasedGateway() {
        String xml = replace(CHAIN, "<bpmn:sequenceFlow id=\"Flow_ToRevisionVerified\" sourceRef=\"Gateway_AwaitRevision\" "
                + "targetRef=\"Event_RevisionVerified\" />", "<bpmn:sequenceFlow id=\"Flow_ToRevisionVerified\" "
                + "name=\"Ya\" sourceRef=\"Gateway_AwaitRevision\" targetRef=\"Event_RevisionVerified\">"
                + "<bpmn:conditionExpression>${true}</bpmn:conditionExpression></bpmn:sequenceFlow>");
        assertThat(addedToChain(xml)).contains("event-based-gateway@Flow_ToRevisionVerified");
    }

    @Test
    void global() {
        String xml = replace(CHAIN, "<bpmn:message id=\"Message_RevisionFailed\" name=\"RevisionFailed\" />",
                "<bpmn:message id=\"Message_RevisionFailed\" name=\"RevisionFailed\" />"
                        + "<bpmn:message id=\"Message_Unused\" name=\"Unused\" />");
        assertThat(addedToChain(xml)).containsExactly("global@Message_Unused");
    }

    @Test
    void superfluousLabel() {
        String xml = replace(SKU, "<bpmn:sequenceFlow id=\"Flow_ToEnd\"", "<bpmn:sequenceFlow id=\"Flow_ToEnd\" "
                + "name=\"Ke akhir\"");
        assertThat(addedToSku(xml)).containsExactly("superfluous-label@Flow_ToEnd");
    }

    @Test
    void adHocSubProcess() {
        String xml = addToProcess(SKU, "<bpmn:adHocSubProcess id=\"Sub_AdHoc\" name=\"Bebas\">"
                + "<bpmn:startEvent id=\"StartEvent_AdHoc\" name=\"Mulai\" /></bpmn:adHocSubProcess>");
        assertThat(addedToSku(xml)).contains("ad-hoc-sub-process@StartEvent_AdHoc", "element-type@Sub_AdHoc");
    }

    @Test
    void noOverlappingElements() {
        String xml = replace(SKU, "<dc:Bounds x=\"390\" y=\"80\" width=\"100\" height=\"80\" />",
                "<dc:Bounds x=\"300\" y=\"90\" width=\"100\" height=\"80\" />");
        assertThat(addedToSku(xml)).containsExactlyInAnyOrder("no-overlapping-elements@Task_ChooseKasi",
                "no-overlapping-elements@Task_ChooseSigner");
    }

    @Test
    void noElementOutsideItsExpandedSubProcess() {
        String subProcess = "<bpmn:subProcess id=\"Sub_Inner\" name=\"Di dalam\"><bpmn:startEvent id=\"Start_Inner\" "
                + "name=\"Mulai\" /><bpmn:endEvent id=\"End_Inner\" name=\"Selesai\" /><bpmn:sequenceFlow "
                + "id=\"Flow_Inner\" sourceRef=\"Start_Inner\" targetRef=\"End_Inner\" /></bpmn:subProcess>";
        String xml = replace(SKU, TO_CHAIN, TO_CHAIN.replace("Call_Chain", "Sub_Inner"))
                + "";
        xml = addToProcess(xml, subProcess + "<bpmn:sequenceFlow id=\"Flow_AfterInner\" sourceRef=\"Sub_Inner\" "
                + "targetRef=\"Call_Chain\" />");
        // addToProcess draws every element 100 px apart outside the others; make the sub-process large and expanded
        xml = replace(xml, "<bpmndi:BPMNShape id=\"Sub_Inner_di\" bpmnElement=\"Sub_Inner\"><dc:Bounds x=\"2000\" "
                + "y=\"800\" width=\"50\" height=\"50\" />", "<bpmndi:BPMNShape id=\"Sub_Inner_di\" "
                + "bpmnElement=\"Sub_Inner\" isExpanded=\"true\"><dc:Bounds x=\"2000\" y=\"700\" width=\"160\" "
                + "height=\"300\" />");
        assertThat(addedToSku(xml)).contains("no-overlapping-elements@End_Inner")
                .doesNotContain("no-overlapping-elements@Start_Inner");
    }
}
