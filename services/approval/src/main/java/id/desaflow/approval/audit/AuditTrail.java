package id.desaflow.approval.audit;

import id.desaflow.approval.letter.IssuedLetter;
import id.desaflow.approval.letter.LetterRegister;
import id.desaflow.approval.process.ProcessVariables;
import id.desaflow.platform.security.Actor;
import id.desaflow.platform.security.Roles;
import id.desaflow.platform.web.ProblemException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
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

    /**
     * {@code actor} is null where the system acted (a task created, a deadline passed); {@code from} is the client
     * address a decision came from (null for other entries and for decisions recorded before it was kept).
     */
    record Entry(Instant at, String actor, String action, String taskName, String role, String decision,
            String comment, String from, String requestId) {
        Entry(Instant at, String actor, String action, String taskName, String role, String decision,
                String comment) {
            this(at, actor, action, taskName, role, decision, comment, null, null);
        }
    }

    /** At most this many entries of one official, newest first. */
    static final int OFFICIAL_LIMIT = 200;

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
        Map<String, Map<String, Object>> local = localVariables(tasks);
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
                        (String) v.get(ProcessVariables.DECISION), (String) v.get(ProcessVariables.COMMENT),
                        (String) v.get(ProcessVariables.DECIDED_FROM), null));
            }
        }
    }

    /**
     * What one official did (claims, releases and decisions with their address), in the villages the reader
     * administers, or everywhere when officials read their own; newest first.
     */
    @Transactional(readOnly = true)
    List<Entry> ofOfficial(String userId, Actor reader) {
        boolean self = userId.equals(reader.userId());
        if (!self && !reader.hasAnyRole(Roles.ADMIN_DESA, Roles.ADMIN_KECAMATAN)) {
            throw new AccessDeniedException("Jejak seorang petugas hanya untuk administrator desanya");
        }
        // every task the official was ever assigned, also those claimed and released again (from the link log)
        List<HistoricTaskInstance> tasks = history.createHistoricTaskInstanceQuery().taskInvolvedUser(userId)
                .orderByHistoricActivityInstanceStartTime().desc().listPage(0, OFFICIAL_LIMIT);
        if (tasks.isEmpty()) {
            return List.of();
        }
        List<HistoricIdentityLinkLog> links = history.createHistoricIdentityLinkLogQuery().userId(userId)
                .type(IdentityLinkType.ASSIGNEE).orderByTime().desc().listPage(0, OFFICIAL_LIMIT);
        Map<String, HistoricTaskInstance> byId = tasks.stream()
                .collect(Collectors.toMap(HistoricTaskInstance::getId, t -> t, (a, b) -> a));
        String[] instances = tasks.stream().map(HistoricTaskInstance::getProcessInstanceId).distinct()
                .toArray(String[]::new);
        Map<String, Map<String, String>> process = processVariables(instances, ProcessVariables.VILLAGE_CODE,
                ProcessVariables.REQUEST_ID);
        Map<String, String> villageOf = process.getOrDefault(ProcessVariables.VILLAGE_CODE, Map.of());
        Map<String, String> requestOf = process.getOrDefault(ProcessVariables.REQUEST_ID, Map.of());
        Map<String, Map<String, Object>> local = localVariables(tasks);
        List<Entry> entries = new ArrayList<>();
        for (HistoricIdentityLinkLog link : links) {
            HistoricTaskInstance task = byId.get(link.getTaskId());
            if (task != null && readable(reader, self, villageOf.get(task.getProcessInstanceId()))) {
                Map<String, Object> v = local.getOrDefault(task.getId(), Map.of());
                entries.add(new Entry(instant(link.getTime()), userId,
                        "add".equals(link.getOperationType()) ? "CLAIMED" : "UNCLAIMED", task.getName(),
                        (String) v.get(ProcessVariables.ROLE), null, null, null,
                        requestOf.get(task.getProcessInstanceId())));
            }
        }
        for (HistoricTaskInstance task : tasks) {
            Map<String, Object> v = local.getOrDefault(task.getId(), Map.of());
            if (userId.equals(task.getAssignee()) && task.getEndTime() != null
                    && v.get(ProcessVariables.DECISION) != null
                    && readable(reader, self, villageOf.get(task.getProcessInstanceId()))) {
                entries.add(new Entry(instant(task.getEndTime()), userId, "DECIDED", task.getName(),
                        (String) v.get(ProcessVariables.ROLE), (String) v.get(ProcessVariables.DECISION),
                        (String) v.get(ProcessVariables.COMMENT), (String) v.get(ProcessVariables.DECIDED_FROM),
                        requestOf.get(task.getProcessInstanceId())));
            }
        }
        entries.sort(Comparator.comparing(Entry::at, Comparator.nullsLast(Comparator.reverseOrder())));
        return entries.size() > OFFICIAL_LIMIT ? entries.subList(0, OFFICIAL_LIMIT) : entries;
    }

    private static boolean readable(Actor reader, boolean self, String village) {
        return self || reader.administers(village);
    }

    /** Variable name -> process instance -> value, for process-scope text variables, in one query. */
    private Map<String, Map<String, String>> processVariables(String[] instances, String... names) {
        Map<String, Map<String, String>> values = new HashMap<>();
        history.createHistoricVariableInstanceQuery().processInstanceIdIn(instances).variableNameIn(names).list()
                .stream().filter(v -> v.getTaskId() == null && v.getValue() instanceof String)
                .forEach(v -> values.computeIfAbsent(v.getName(), n -> new HashMap<>())
                        .putIfAbsent(v.getProcessInstanceId(), (String) v.getValue()));
        return values;
    }

    /** Task id -> its local variables (decision, comment, role, address...), in one query. */
    private Map<String, Map<String, Object>> localVariables(List<HistoricTaskInstance> tasks) {
        return history.createHistoricVariableInstanceQuery()
                .taskIdIn(tasks.stream().map(HistoricTaskInstance::getId).toArray(String[]::new)).list().stream()
                .filter(v -> v.getValue() != null)
                .collect(Collectors.groupingBy(HistoricVariableInstance::getTaskId,
                        Collectors.toMap(HistoricVariableInstance::getName, HistoricVariableInstance::getValue,
                                (a, b) -> b)));
    }

    private static void letter(IssuedLetter letter, List<Entry> entries) {
        entries.add(new Entry(letter.issuedAt(), letter.signerName(), "LETTER_ISSUED", letter.letterNumber(), null,
                null, null));
        if (letter.revoked()) {
            entries.add(new Entry(letter.revokedAt(), letter.revokedBy(), "LETTER_REVOKED", letter.letterNumber(),
                    null, null, letter.revocationReason(), letter.revokedFrom(), null));
        }
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
