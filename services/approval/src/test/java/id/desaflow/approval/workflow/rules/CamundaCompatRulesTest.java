package id.desaflow.approval.workflow.rules;

import org.junit.jupiter.api.Test;

import static id.desaflow.approval.workflow.rules.Mutations.SKU;
import static id.desaflow.approval.workflow.rules.Mutations.SKU_KEY;
import static id.desaflow.approval.workflow.rules.Mutations.addToProcess;
import static id.desaflow.approval.workflow.rules.Mutations.addedToSku;
import static id.desaflow.approval.workflow.rules.Mutations.problems;
import static id.desaflow.approval.workflow.rules.Mutations.replace;
import static org.assertj.core.api.Assertions.assertThat;

/** Camunda 7 compatibility and Camunda's own parser. */
class CamundaCompatRulesTest {

    @Test
    void whatCamundasParserRefusesIsReportedAsBpmnParseOnly() {
        String xml = replace(SKU, "<bpmn:startEvent id=", "<bpmn:startEvnt id=")
                .replace("</bpmn:startEvent>", "</bpmn:startEvnt>");
        assertThat(problems(xml, SKU_KEY)).containsExactly("bpmn-parse@null");
    }

    @Test
    void elementTypesTheEngineDoesNotRunAreRefused() {
        String xml = addToProcess(SKU, "<bpmn:task id=\"Task_Loop\" name=\"Ulang\"><bpmn:standardLoopCharacteristics "
                + "/></bpmn:task><bpmn:sequenceFlow id=\"Flow_Loop\" sourceRef=\"Task_ChooseKasi\" targetRef=\"Task_Loop\" />"
                + "<bpmn:sequenceFlow id=\"Flow_LoopEnd\" sourceRef=\"Task_Loop\" targetRef=\"EndEvent_Done\" />");
        assertThat(addedToSku(xml)).contains("element-type@Task_Loop");
    }

    @Test
    void historyTimeToLive() {
        assertThat(addedToSku(replace(SKU, " camunda:historyTimeToLive=\"180\"", "")))
                .containsExactly("history-time-to-live@" + SKU_KEY);
    }

    @Test
    void processMustBeExecutable() {
        assertThat(addedToSku(replace(SKU, "isExecutable=\"true\"", "isExecutable=\"false\"")))
                .containsExactly("executable-process@" + SKU_KEY);
    }
}
