package id.desaflow.approval.workflow.rules;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.List;
import java.util.Set;

import static id.desaflow.approval.workflow.rules.BpmnDocument.BPMN;
import static id.desaflow.approval.workflow.rules.BpmnDocument.camunda;
import static id.desaflow.approval.workflow.rules.BpmnDocument.describe;

/**
 * What the Camunda 7 engine can run (the idea of bpmnlint-plugin-camunda-compat's camunda-platform-7-24 config):
 * only element types the engine executes, one executable process, and a history time to live (7.20+ refuses to
 * deploy a process without one).
 */
final class CamundaCompatRules {
    /** BPMN 2.0 elements the Camunda 7 engine parses and executes (or that are purely descriptive). */
    private static final Set<String> SUPPORTED = Set.of(
            "definitions", "process", "collaboration", "participant", "messageFlow", "laneSet", "lane",
            "childLaneSet", "flowNodeRef", "documentation", "extensionElements", "incoming", "outgoing",
            "sequenceFlow", "conditionExpression",
            "startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent",
            "messageEventDefinition", "timerEventDefinition", "timeDate", "timeDuration", "timeCycle",
            "errorEventDefinition", "escalationEventDefinition", "signalEventDefinition",
            "compensateEventDefinition", "conditionalEventDefinition", "condition", "linkEventDefinition",
            "terminateEventDefinition", "cancelEventDefinition",
            "task", "userTask", "serviceTask", "sendTask", "receiveTask", "scriptTask", "script", "businessRuleTask",
            "manualTask", "callActivity", "subProcess", "transaction",
            "exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway",
            "multiInstanceLoopCharacteristics", "loopCardinality", "completionCondition",
            "message", "signal", "error", "escalation", "category", "categoryValue",
            "dataObject", "dataObjectReference", "dataStore", "dataStoreReference", "dataInputAssociation",
            "dataOutputAssociation", "sourceRef", "targetRef", "textAnnotation", "text", "association", "group");

    private CamundaCompatRules() {
    }

    static void check(BpmnDocument doc) {
        for (Element element : BpmnDocument.descendants(doc.definitions)) {
            if (BPMN.equals(element.getNamespaceURI()) && !SUPPORTED.contains(element.getLocalName())) {
                Element owner = owner(element);
                doc.report(owner, "element-type", "Elemen bpmn:" + element.getLocalName()
                        + (owner == null ? "" : " pada " + describe(owner)) + " tidak didukung Camunda 7");
            }
        }
        List<Element> processes = doc.processes();
        if (processes.isEmpty()) {
            doc.report((String) null, "executable-process", "Berkas tidak berisi proses (bpmn:process)");
        }
        if (processes.size() > 1) {
            doc.report((String) null, "executable-process", "Satu berkas hanya boleh berisi satu proses; berkas ini "
                    + "berisi " + processes.size());
        }
        for (Element process : processes) {
            if (!"true".equals(process.getAttribute("isExecutable"))) {
                doc.report(process, "executable-process", "Proses " + describe(process)
                        + " harus dapat dijalankan (isExecutable=\"true\")");
            }
            String ttl = camunda(process, "historyTimeToLive");
            if (ttl.isEmpty()) {
                doc.report(process, "history-time-to-live", "Proses " + describe(process)
                        + " belum menetapkan lama penyimpanan riwayat (camunda:historyTimeToLive)");
            }
        }
    }

    /** The element itself or, for parts without an id (loop characteristics), the nearest one with an id. */
    private static Element owner(Element element) {
        for (Node n = element; n instanceof Element e; n = n.getParentNode()) {
            if (!e.getAttribute("id").isEmpty()) {
                return e;
            }
        }
        return null;
    }
}
