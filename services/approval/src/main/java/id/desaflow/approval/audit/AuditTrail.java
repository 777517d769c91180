package id.desaflow.approval.audit;

import id.desaflow.approval.letter.IssuedLetter;
import id.desaflow.approval.letter.LetterRegister;
import id.desaflow.approval.process.ProcessVariables;
import id.desaflow.platform.security.Actor;
import id.desaflow.platform.web.ProblemException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A request's approval history as the engine recorded it (tasks, claims, decisions, deadline escalations) and the
 * letter register (issued, revoked). Read by the officials and administrators of the request's village only; for
 * anyone else the request does not exist here.
 */
@Service
class AuditTrail {
    private static final String ESCALATED = "deadlineEscalatedAt";
    private static final String MOVED_UP = "deadlineMovedUpAt";

    /** {@code actor} is null where the system acted (a task created, a deadline passed). */
    record Entry(Instant at, String actor, String action, String taskName, String role, String decision,
            String comment) {
    }

    private final HistoryService history;
    private final LetterRegister letters;

    AuditTrail(HistoryService history, LetterRegister letters) {
        this.history = history;
        this.letters = letters;
    }

    @Transactional(readOnly = true)
    List<Entry> of(String requestId, Actor actor) {
        List<String> instances = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(requestId)
                .list().stream().map(HistoricProcessInstance::getId).toList();
        String village = instances.isEmpty() ? null : history.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(instances.toArray(String[]::new)).variableName(ProcessVariables.VILLAGE_CODE)
                .list().stream().map(v -> (String) v.getValue()).findFirst().orElse(null);
        if (village == null || !(actor.worksIn(village) || actor.administers(village))) {
            throw ProblemException.notFound("Permohonan " + requestId);
        }
        List<Entry> entries = new ArrayList<>();
        for (String instance : instances) {
            tasks(instance, entries);
        }
        letters.byRequestId(requestId).ifPresent(letter -> letter(letter, entries));
        entries.sort(Comparator.comparing(Entry::at));
        return entries;
    }

    private void tasks(String instance, List<Entry> entries) {
        List<HistoricTaskInstance> tasks = history.createHistoricTaskInstanceQuery().processInstanceId(instance)
                .list();
        if (tasks.isEmpty()) {
            return;
        }
        Map<String, Map<String, Object>> local = history.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(instance).taskIdIn(tasks.stream().map(HistoricTaskInstance::getId)
                        .toArray(String[]::new)).list().stream().filter(v -> v.getValue() != null)
                .collect(Collectors.groupingBy(HistoricVariableInstance::getTaskId,
                        Collectors.toMap(HistoricVariableInstance::getName, HistoricVariableInstance::getValue,
                                (a, b) -> b)));
        for (HistoricTaskInstance task : tasks) {
            Map<String, Object> v = local.getOrDefault(task.getId(), Map.of());
            String role = (String) v.get(ProcessVariables.ROLE);
            entries.add(new Entry(instant(task.getStartTime()), null, "CREATED", task.getName(), role, null, null));
            for (HistoricIdentityLinkLog link : history.createHistoricIdentityLinkLogQuery().taskId(task.getId())
                    .type(IdentityLinkType.ASSIGNEE).list()) {
                entries.add(new Entry(instant(link.getTime()), link.getUserId(),
                        "add".equals(link.getOperationType()) ? "CLAIMED" : "UNCLAIMED", task.getName(), role, null,
                        null));
            }
            if (v.get(ESCALATED) instanceof Date at) {
                entries.add(new Entry(at.toInstant(), null, "ESCALATED", task.getName(), role, null, null));
            }
            if (v.get(MOVED_UP) instanceof Date at) {
                entries.add(new Entry(at.toInstant(), null, "MOVED_UP", task.getName(), role, null, null));
            }
            if (task.getEndTime() != null && v.get(ProcessVariables.DECISION) != null) {
                entries.add(new Entry(instant(task.getEndTime()), task.getAssignee(), "DECIDED", task.getName(), role,
                        (String) v.get(ProcessVariables.DECISION), (String) v.get(ProcessVariables.COMMENT)));
            }
        }
    }

    private static void letter(IssuedLetter letter, List<Entry> entries) {
        entries.add(new Entry(letter.issuedAt(), letter.signerName(), "LETTER_ISSUED", letter.letterNumber(), null,
                null, null));
        if (letter.revoked()) {
            entries.add(new Entry(letter.revokedAt(), letter.revokedBy(), "LETTER_REVOKED", letter.letterNumber(),
                    null, null, letter.revocationReason()));
        }
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
