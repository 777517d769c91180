package id.desaflow.approval.inbox;

import com.fasterxml.jackson.core.type.TypeReference;
import id.desaflow.approval.inbox.InboxViews.CompleteTask;
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
import static id.desaflow.approval.process.ProcessVariables.COMMENT;
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
            APPLICANT_NAME);
    private static final List<String> REQUEST_VARIABLES = List.of(ROLE, REQUEST_ID, TRACKING_CODE, LETTER_TYPE,
            VILLAGE_CODE, DUSUN, REVISION, APPLICANT_NAME, APPLICANT_NIK, DATA);

    private final TaskService tasks;
    private final HistoryService history;

    Inbox(TaskService tasks, HistoryService history) {
        this.tasks = tasks;
        this.history = history;
    }

    @Transactional(readOnly = true)
    List<TaskSummary> open(String group) {
        if (group == null || !GROUP.matcher(group).matches()) {
            throw new InvalidInputException("group",
                    "Grup wajib diisi dengan format desa:<kode desa 10 angka>:<peran>, mis. desa:3309012004:sekdes");
        }
        return tasks.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks()
                .orderByDueDate().asc().orderByTaskCreateTime().asc().list().stream()
                .map(task -> summary(task, tasks.getVariables(task.getId(), SUMMARY_VARIABLES))).toList();
    }

    @Transactional(readOnly = true)
    TaskDetail detail(String taskId) {
        Task task = find(taskId);
        Map<String, Object> v = tasks.getVariables(taskId, REQUEST_VARIABLES);
        var request = new RequestData(str(v, REQUEST_ID), str(v, TRACKING_CODE), str(v, LETTER_TYPE),
                str(v, VILLAGE_CODE), str(v, DUSUN), (Integer) v.get(REVISION), str(v, APPLICANT_NAME),
                v.get(APPLICANT_NIK) == null ? null : Masking.nik(str(v, APPLICANT_NIK)), data(str(v, DATA)));
        return new TaskDetail(summary(task, v), request, steps(task.getProcessInstanceId()));
    }

    @Transactional
    TaskSummary claim(String taskId, String actor) {
        Task task = find(taskId);
        if (task.getAssignee() == null) {
            engine(() -> {
                tasks.claim(taskId, actor);
                return null;
            });
        } else if (!task.getAssignee().equals(actor)) {
            throw claimedByOther(task);
        }
        return summary(find(taskId), tasks.getVariables(taskId, SUMMARY_VARIABLES));
    }

    @Transactional
    TaskSummary unclaim(String taskId, String actor) {
        Task task = find(taskId);
        if (task.getAssignee() != null && !task.getAssignee().equals(actor)) {
            throw claimedByOther(task);
        }
        if (task.getAssignee() != null) {
            tasks.setAssignee(taskId, null);
        }
        return summary(find(taskId), tasks.getVariables(taskId, SUMMARY_VARIABLES));
    }

    /** An unclaimed task is claimed for the actor first, so the decision always names who took it. */
    @Transactional
    CompletedTask complete(String taskId, CompleteTask body, String actor) {
        Decision decision = validate(body);
        String comment = body.comment() == null || body.comment().isBlank() ? null : body.comment().strip();
        Task task = find(taskId);
        String requestId = (String) tasks.getVariable(taskId, REQUEST_ID);
        claim(taskId, actor);
        engine(() -> {
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

    private Task find(String taskId) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            throw ProblemException.notFound("Tugas " + taskId);
        }
        return task;
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

    private static TaskSummary summary(Task task, Map<String, Object> v) {
        return new TaskSummary(task.getId(), task.getName(), str(v, ROLE), str(v, REQUEST_ID), str(v, TRACKING_CODE),
                str(v, LETTER_TYPE), str(v, APPLICANT_NAME), instant(task.getCreateTime()), instant(task.getDueDate()),
                task.getAssignee());
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
