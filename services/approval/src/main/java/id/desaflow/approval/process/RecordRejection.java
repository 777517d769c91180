package id.desaflow.approval.process;

import id.desaflow.approval.outbox.Outbox;
import id.desaflow.contracts.events.RequestRejected;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * BPMN "Catat penolakan": tells the resident why. The reason is the official's comment, or the text the revision
 * path set (failed re-verification, expired revision window).
 */
@Component("recordRejection")
class RecordRejection implements JavaDelegate {
    private static final int MAX_REASON = 1000;
    private final Outbox outbox;

    RecordRejection(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reason = firstNonBlank((String) execution.getVariable(ProcessVariables.REJECTION_REASON),
                (String) execution.getVariable(ProcessVariables.COMMENT), "Permohonan ditolak");
        String taskName = firstNonBlank((String) execution.getVariable(ProcessVariables.LAST_TASK_NAME),
                "Persetujuan", null);
        String requestId = (String) execution.getVariable(ProcessVariables.REQUEST_ID);
        outbox.add(requestId, new RequestRejected(requestId, taskName,
                reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason,
                ClockUtil.getCurrentTime().toInstant()));
    }

    private static String firstNonBlank(String a, String b, String c) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b : c;
    }
}
