package id.desaflow.approval.workflow.rules;

import id.desaflow.approval.workflow.WorkflowProblem;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.w3c.dom.Document;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.function.Predicate;

/**
 * The rules a workflow file must pass before it is deployed, run on the DOM of the hardened parse. A BPMN file:
 * Camunda's own model parser ({@code bpmn-parse}), bpmnlint's recommended rules, Camunda 7 compatibility and
 * DesaFlow's rules. A DMN file (decision table): see {@link DmnRules}. A file Camunda's parser refuses is not
 * checked further (its structure cannot be trusted).
 */
public final class DeployChecks {
    private final DesaFlowRules desaFlow;

    /** @param isLetterType whether a code is a letter type of the catalogue (= a process id a letter may start) */
    public DeployChecks(Predicate<String> isLetterType) {
        this.desaFlow = new DesaFlowRules(isLetterType);
    }

    /** @param dom the file parsed by the hardened parser (no DOCTYPE), @param xml the same bytes */
    public List<WorkflowProblem> check(Document dom, byte[] xml, String expectedKey) {
        if (DmnRules.isDmn(dom.getDocumentElement())) {
            BpmnDocument doc = new BpmnDocument(dom); // no process in it: used for its DOM helpers and problem list
            DmnRules.check(doc, xml, expectedKey);
            return doc.problems();
        }
        try {
            Bpmn.readModelFromStream(new ByteArrayInputStream(xml));
        } catch (RuntimeException e) {
            return List.of(new WorkflowProblem(null, "bpmn-parse", "Camunda tidak dapat membaca berkas BPMN: "
                    + rootMessage(e)));
        }
        BpmnDocument doc = new BpmnDocument(dom);
        CamundaCompatRules.check(doc);
        LintRules.check(doc);
        desaFlow.check(doc, expectedKey);
        return doc.problems();
    }

    static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.length() > 300 ? message.substring(0, 300) + "..." : message;
    }
}
