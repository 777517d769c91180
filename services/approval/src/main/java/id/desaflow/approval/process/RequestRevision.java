package id.desaflow.approval.process;

import id.desaflow.approval.outbox.Outbox;
import id.desaflow.contracts.events.RevisionRequested;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** BPMN "Minta perbaikan": sends the official's comment to the resident, who then revises the request. */
@Component("requestRevision")
class RequestRevision implements JavaDelegate {
    private final Outbox outbox;

    RequestRevision(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String comment = (String) execution.getVariable(ProcessVariables.COMMENT);
        if (comment == null || comment.isBlank()) {
            throw new ProcessEngineException("A revision needs the official's comment");
        }
        String requestId = (String) execution.getVariable(ProcessVariables.REQUEST_ID);
        outbox.add(requestId, new RevisionRequested(requestId,
                (String) execution.getVariable(ProcessVariables.LAST_TASK_NAME), comment,
                ClockUtil.getCurrentTime().toInstant()));
    }
}
