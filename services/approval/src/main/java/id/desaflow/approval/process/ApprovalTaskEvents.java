package id.desaflow.approval.process;

import id.desaflow.approval.outbox.Outbox;
import id.desaflow.contracts.events.ApprovalTaskCompleted;
import id.desaflow.contracts.events.ApprovalTaskCreated;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;
import java.util.Objects;

/**
 * Task listener of every approval step (create and complete): announces the step to the officials' apps and the
 * resident's timeline, in the engine's transaction.
 */
@Component("approvalTaskEvents")
class ApprovalTaskEvents implements TaskListener {
    private final Outbox outbox;

    ApprovalTaskEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** The user task property {@code step=signature} marks the step that signs the letter, whoever's role it is. */
    static final String STEP = "step";
    static final String SIGNATURE = "signature";

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> created(task);
            case EVENTNAME_COMPLETE -> completed(task);
            default -> { }
        }
    }

    private void created(DelegateTask task) {
        String role = role(task);
        task.setVariableLocal(ProcessVariables.ROLE, role);
        String villageCode = (String) task.getVariable(ProcessVariables.VILLAGE_CODE);
        String group = task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(link -> link.getGroupId()).findFirst()
                .orElse("desa:" + villageCode + ":" + role);
        String requestId = requestId(task);
        outbox.add(requestId, new ApprovalTaskCreated(requestId, task.getId(), task.getName(), role, group,
                villageCode, instant(task.getDueDate()), instant(task.getCreateTime()),
                (String) task.getVariable(ProcessVariables.LETTER_TYPE),
                (String) task.getVariable(ProcessVariables.TRACKING_CODE),
                SIGNATURE.equals(property(task, STEP))));
    }

    private void completed(DelegateTask task) {
        String value = (String) task.getVariable(ProcessVariables.DECISION);
        Decision decision = Decision.parse(value).orElseThrow(() -> new ProcessEngineException(
                "Task " + task.getId() + " completed without a valid decision: " + value));
        String comment = (String) task.getVariable(ProcessVariables.COMMENT);
        // local copies stay in the task's history after later steps overwrite the process variables
        task.setVariableLocal(ProcessVariables.DECISION, decision.name());
        task.setVariableLocal(ProcessVariables.COMMENT, comment);
        task.getExecution().setVariable(ProcessVariables.LAST_TASK_NAME, task.getName());
        String requestId = requestId(task);
        outbox.add(requestId, new ApprovalTaskCompleted(requestId, task.getId(), task.getName(), role(task),
                decision.name(), comment, task.getAssignee(), ClockUtil.getCurrentTime().toInstant()));
    }

    /**
     * The role is modelled on the user task as extension property {@code role}: a role name, or {@code ${variable}}
     * naming the process variable that holds it (the shared chain's kasi step: {@code ${kasiRole}}). Only a plain
     * variable name, never an expression, so a model cannot run code through it.
     */
    private static String role(DelegateTask task) {
        String role = property(task, ProcessVariables.ROLE);
        if (role == null) {
            throw new ProcessEngineException("User task " + task.getTaskDefinitionKey() + " has no role property");
        }
        return role;
    }

    /** A {@code camunda:property} of the user task (expressions resolved), or null. */
    private static String property(DelegateTask task, String name) {
        var extensions = task.getBpmnModelElementInstance().getExtensionElements();
        if (extensions != null) {
            for (CamundaProperties properties : extensions.getChildElementsByType(CamundaProperties.class)) {
                for (CamundaProperty property : properties.getCamundaProperties()) {
                    if (name.equals(property.getCamundaName())) {
                        return resolve(task, property.getCamundaValue());
                    }
                }
            }
        }
        return null;
    }

    private static final java.util.regex.Pattern ROLE_VARIABLE =
            java.util.regex.Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9]*)}");

    private static String resolve(DelegateTask task, String value) {
        java.util.regex.Matcher variable = ROLE_VARIABLE.matcher(value);
        if (!variable.matches()) {
            return value;
        }
        Object role = task.getVariable(variable.group(1));
        if (!(role instanceof String name) || name.isBlank()) {
            throw new ProcessEngineException("User task " + task.getTaskDefinitionKey() + ": variable "
                    + variable.group(1) + " names no role");
        }
        return name;
    }

    private static String requestId(DelegateTask task) {
        return Objects.requireNonNull((String) task.getVariable(ProcessVariables.REQUEST_ID), "requestId");
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
