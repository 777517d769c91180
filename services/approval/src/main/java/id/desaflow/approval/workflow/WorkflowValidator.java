package id.desaflow.approval.workflow;

import java.util.List;

/** Checks a BPMN file before it may be deployed: an empty list means deployable, anything else is never deployed. */
public interface WorkflowValidator {

    /**
     * @param xml          the file as uploaded (untrusted: may be huge, malformed or carry external entities)
     * @param expectedKey  the process id the file must define (the workflow being edited), or null to accept any
     */
    List<WorkflowProblem> validate(byte[] xml, String expectedKey);
}
