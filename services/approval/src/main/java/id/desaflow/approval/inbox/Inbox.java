package id.desaflow.approval.inbox;

import com.fasterxml.jackson.core.type.TypeReference;
import id.desaflow.approval.inbox.InboxViews.Check;
import id.desaflow.approval.inbox.InboxViews.CompleteTask;
import id.desaflow.approval.inbox.InboxViews.TaskCounts;
import id.desaflow.approval.inbox.InboxViews.TaskFilter;
import id.desaflow.approval.letter.VillageLetterTypes;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.TaskQuery;
import java.time.Duration;
import id.desaflow.approval.inbox.InboxViews.CompletedTask;
import id.desaflow.approval.inbox.InboxViews.RequestData;
import id.desaflow.approval.inbox.InboxViews.Step;
import id.desaflow.approval.inbox.InboxViews.TaskDetail;
import id.desaflow.approval.inbox.InboxViews.TaskSummary;
import id.desaflow.approval.process.Decision;
import id.desaflow.contracts.events.EventJson;
import id.desaflow.platform.identity.Masking;
import id.desaflow.platform.web.FieldProblem;
import id.desaflow.platform.web.InvalidInputException;
import id.desaflow.platform.web.ProblemException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static id.desaflow.approval.process.ProcessVariables.APPLICANT_NAME;
import static id.desaflow.approval.process.ProcessVariables.APPLICANT_NIK;
import static id.desaflow.approval.process.ProcessVariables.CHECKS;
import static id.desaflow.approval.process.ProcessVariables.COMMENT;
import static id.desaflow.approval.process.ProcessVariables.DECIDED_FROM;
import static id.desaflow.approval.process.ProcessVariables.DATA;
import static id.desaflow.approval.process.ProcessVariables.DECISION;
import static id.desaflow.approval.process.ProcessVariables.DUSUN;
import static id.desaflow.approval.process.ProcessVariables.LETTER_TYPE;
import static id.desaflow.approval.process.ProcessVariables.REQUEST_ID;
import static id.desaflow.approval.process.ProcessVariables.REVISION;
import static id.desaflow.approval.process.ProcessVariables.ROLE;
import static id.desaflow.approval.process.ProcessVariables.TRACKING_CODE;
import static id.desaflow.approval.process.ProcessVariables.VILLAGE_CODE;

/** The officials' work: their group's open tasks, claiming, and deciding. Keeps the engine API out of the web layer. */
@Service
class Inbox {
    static final Pattern GROUP = Pattern.compile("^desa:[0-9]{10}:[a-z-]+(:[a-z0-9-]+)?$");
    private static final int MAX_COMMENT = 1000;
    private static final List<String> SUMMARY_VARIABLES = List.of(ROLE, REQUEST_ID, TRACKING_CODE, LETTER_TYPE,
            VILLAGE_CODE, APPLICANT_NAME, DUSUN);
    private static final List<String> REQUEST_VARIABLES = List.of(ROLE, REQUEST_ID, TRACKING_CODE, LETTER_TYPE,
            VILLAGE_CODE, DUSUN, REVISION, APPLICANT_NAME, APPLICANT_NIK, DATA, CHECKS);
    /** A task nobody has taken is "new" for a day: what arrived since yesterday's work. */
    private static final Duration NEW_FOR = Duration.ofDays(1);

    private final TaskService tasks;
    private final HistoryService history;
    private final VillageLetterTypes letterTypes;

    Inbox(TaskService tasks, HistoryService history, VillageLetterTypes letterTypes) {
        this.tasks = tasks;
        this.history = history;
        this.letterTypes = letterTypes;
    }

    /** The open tasks of these candidate groups (an official's own), filtered, by due date then arrival. */
    @Transactional(readOnly = true)
    List<TaskSummary> open(OfficialGroups official, TaskFilter filter) {
        TaskQuery query = tasks.createTaskQuery().taskCandidateGroupIn(new ArrayList<>(official.groups()))
                .includeAssignedTasks();
        if (filter.letterType() != null) {
            query.processVariableValueEquals(LETTER_TYPE, filter.letterType());
        }
        if (filter.dusun() != null) {
            query.processVariableValueEquals(DUSUN, filter.dusun());
        }
        if (filter.overdue()) {
            query.dueBefore(ClockUtil.getCurrentTime());
        }
        return query.orderByDueDate().asc().orderByTaskCreateTime().asc().list().stream()
                .map(task -> summary(task, tasks.getVariables(task.getId(), SUMMARY_VARIABLES)))
                .filter(t -> !filter.mine() || official.userId().equals(t.assignee()))
                .filter(t -> !filter.fresh() || t.fresh())
                .toList();
    }

    @Transactional(readOnly = true)
    TaskCounts counts(OfficialGroups official) {
        List<TaskSummary> open = open(official, new TaskFilter(false, null, null, false, false));
        return new TaskCounts(open.size(), open.stream().filter(TaskSummary::overdue).count(),
                open.stream().filter(t -> official.userId().equals(t.assignee())).count(),
                open.stream().filter(TaskSummary::fresh).count());
    }

    @Transactional(readOnly = true)
    TaskDetail detail(String taskId, OfficialGroups official) {
        Task task = find(taskId, official);
        Map<String, Object> v = tasks.getVariables(taskId, REQUEST_VARIABLES);
        var request = new RequestData(str(v, REQUEST_ID), str(v, TRACKING_CODE), str(v, LETTER_TYPE),
                label(v), str(v, VILLAGE_CODE), str(v, DUSUN), (Integer) v.get(REVISION),
                str(v, APPLICANT_NAME), v.get(APPLICANT_NIK) == null ? null : Masking.nik(str(v, APPLICANT_NIK)),
                data(str(v, DATA)));
        return new TaskDetail(summary(task, v), request, checks(str(v, CHECKS)), steps(task.getProcessInstanceId()));
    }

    @Transactional
    TaskSummary claim(String taskId, OfficialGroups official) {
        Task task = find(taskId, official);
        String actor = official.userId();
        if (task.getAssignee() == null) {
            engine(() -> {
                tasks.claim(taskId, actor);
                return null;
            });
        } else if (!task.getAssignee().equals(actor)) {
            throw claimedByOther(task);
        }
        return summary(find(taskId, official), tasks.getVariables(taskId, SUMMARY_VARIABLES));
    }

    @Transactional
    TaskSummary unclaim(String taskId, OfficialGroups official) {
        Task task = find(taskId, official);
        String actor = official.userId();
        if (task.getAssignee() != null && !task.getAssignee().equals(actor)) {
            throw claimedByOther(task);
        }
        if (task.getAssignee() != null) {
            tasks.setAssignee(taskId, null);
        }
        return summary(find(taskId, official), tasks.getVariables(taskId, SUMMARY_VARIABLES));
    }

    /** An unclaimed task is claimed for the actor first, so the decision always names who took it. */
    @Transactional
    CompletedTask complete(String taskId, CompleteTask body, OfficialGroups official, String from) {
        Decision decision = validate(body);
        String comment = body.comment() == null || body.comment().isBlank() ? null : body.comment().strip();
        Task task = find(taskId, official);
        String actor = official.userId();
        String requestId = (String) tasks.getVariable(taskId, REQUEST_ID);
        claim(taskId, official);
        engine(() -> {
            tasks.setVariableLocal(taskId, DECIDED_FROM, from);
            tasks.complete(taskId, Variables.createVariables().putValue(DECISION, decision.name())
                    .putValue(COMMENT, comment));
            return null;
        });
        return new CompletedTask(taskId, requestId, task.getName(), decision.name(), comment, actor);
    }

    private static Decision validate(CompleteTask body) {
        List<FieldProblem> problems = new ArrayList<>();
        Decision decision = body == null ? null : Decision.parse(body.decision()).orElse(null);
        if (decision == null) {
            problems.add(new FieldProblem("decision", "Keputusan wajib diisi: APPROVE, REJECT, atau REVISE"));
        }
        String comment = body == null ? null : body.comment();
        if (comment != null && comment.length() > MAX_COMMENT) {
            problems.add(new FieldProblem("comment", "Catatan paling banyak " + MAX_COMMENT + " karakter"));
        } else if (decision != null && decision.needsComment() && (comment == null || comment.isBlank())) {
            problems.add(new FieldProblem("comment", decision == Decision.REJECT
                    ? "Alasan penolakan wajib diisi" : "Catatan perbaikan untuk warga wajib diisi"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return decision;
    }

    /** A task of another group is as unknown as a task that does not exist: nothing leaks about it. */
    private Task find(String taskId, OfficialGroups official) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null || !official.mayWork(candidateGroups(task.getId()))) {
            throw ProblemException.notFound("Tugas " + taskId);
        }
        return task;
    }

    private List<String> candidateGroups(String taskId) {
        return tasks.getIdentityLinksForTask(taskId).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
    }

    private static ProblemException claimedByOther(Task task) {
        return ProblemException.conflict("task-claimed", "Tugas sudah diambil oleh " + task.getAssignee(),
                Map.of("assignee", task.getAssignee()));
    }

    /** Another official got there first (claim race, or the task was completed meanwhile). */
    private static <T> T engine(Supplier<T> command) {
        try {
            return command.get();
        } catch (TaskAlreadyClaimedException | OptimisticLockingException e) {
            throw ProblemException.conflict("task-changed",
                    "Tugas baru saja diambil atau diselesaikan oleh petugas lain. Muat ulang daftar tugas.", null);
        }
    }

    private List<Step> steps(String processInstanceId) {
        List<HistoricTaskInstance> done = history.createHistoricTaskInstanceQuery()
                .processInstanceId(processInstanceId).finished().orderByHistoricTaskInstanceEndTime().asc().list();
        if (done.isEmpty()) {
            return List.of();
        }
        Map<String, Map<String, Object>> local = history.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(processInstanceId)
                .taskIdIn(done.stream().map(HistoricTaskInstance::getId).toArray(String[]::new))
                .includeDeleted().list().stream()
                .filter(v -> v.getValue() != null)
                .collect(Collectors.groupingBy(HistoricVariableInstance::getTaskId,
                        Collectors.toMap(HistoricVariableInstance::getName, HistoricVariableInstance::getValue,
                                (a, b) -> b)));
        return done.stream().map(t -> {
            Map<String, Object> v = local.getOrDefault(t.getId(), Map.of());
            return new Step(t.getId(), t.getName(), str(v, ROLE), str(v, DECISION), str(v, COMMENT), t.getAssignee(),
                    instant(t.getEndTime()));
        }).toList();
    }

    private TaskSummary summary(Task task, Map<String, Object> v) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        Instant due = instant(task.getDueDate());
        Instant created = instant(task.getCreateTime());
        List<String> groups = candidateGroups(task.getId());
        return new TaskSummary(task.getId(), task.getName(), str(v, ROLE), groups.isEmpty() ? null : groups.get(0),
                str(v, REQUEST_ID), str(v, TRACKING_CODE), str(v, LETTER_TYPE), label(v),
                str(v, APPLICANT_NAME), str(v, DUSUN), created, due, task.getAssignee(),
                due != null && due.isBefore(now),
                task.getAssignee() == null && created != null && created.isAfter(now.minus(NEW_FOR)));
    }

    /** The village's own name of the letter type, if it gave it one. */
    private String label(Map<String, Object> v) {
        String letterType = str(v, LETTER_TYPE);
        return letterType == null ? null : letterTypes.label(str(v, VILLAGE_CODE), letterType);
    }

    private static List<Check> checks(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return List.of(EventJson.mapper().readValue(json, Check[].class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> data(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            Map<String, String> data = EventJson.mapper().readValue(json, new TypeReference<Map<String, String>>() {
            });
            return new HashMap<>(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String str(Map<String, Object> variables, String name) {
        Object value = variables.get(name);
        return value == null ? null : value.toString();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
