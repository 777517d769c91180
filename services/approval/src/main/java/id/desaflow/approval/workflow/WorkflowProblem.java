package id.desaflow.approval.workflow;

/**
 * One reason a BPMN file may not be deployed, addressed so the editor can mark it on the diagram.
 *
 * @param elementId the BPMN element at fault, or null for the whole file
 * @param rule      a stable rule name (e.g. {@code xml-safe}, {@code label-required}, {@code candidate-group-role})
 * @param message   what is wrong and how to fix it, in Indonesian
 */
public record WorkflowProblem(String elementId, String rule, String message) {
}
