package id.desaflow.approval.process;

import id.desaflow.approval.outbox.Outbox;
import id.desaflow.contracts.events.ApprovalTaskDeadlineApproached;
import id.desaflow.contracts.events.ApprovalTaskEscalated;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the village's deadlines: a reminder to the task's group before its due date
 * ({@code desaflow.deadlines.reminder-before}, default 1 day), an escalation to the superior's group when it is due,
 * and after {@code desaflow.deadlines.move-up-after} (default 2 days) past due the task moves up to the superior
 * (kasi, kadus, RT/RW, operator → sekdes; sekdes → kades; the kades' overdue work is reported to the village admin,
 * it never leaves the kades). Each step happens once per task: it is recorded on the task in the same transaction
 * as its event, so several replicas or a restart never send it twice.
 */
@Component
class DeadlineWatch {
    static final String REMINDED = "deadlineRemindedAt";
    static final String ESCALATED = "deadlineEscalatedAt";
    static final String MOVED_UP = "deadlineMovedUpAt";
    private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);
    private static final Map<String, String> SUPERIOR = Map.of("operator", "sekdes", "rt", "sekdes", "rw", "sekdes",
            "kadus", "sekdes", "kasi-pelayanan", "sekdes", "kasi-pemerintahan", "sekdes", "sekdes", "kades",
            "kades", "admin-desa");

    private final TaskService tasks;
    private final Outbox outbox;
    private final TransactionTemplate transaction;
    private final Duration reminderBefore;
    private final Duration moveUpAfter;

    DeadlineWatch(TaskService tasks, Outbox outbox, PlatformTransactionManager transactions, Deadlines deadlines) {
        this.tasks = tasks;
        this.outbox = outbox;
        this.transaction = new TransactionTemplate(transactions);
        this.reminderBefore = deadlines.duration("reminder-before", Duration.ofDays(1));
        this.moveUpAfter = deadlines.duration("move-up-after", Duration.ofDays(2));
    }

    /** Every task whose reminder time has come; each in its own transaction, so one failure stops no other. */
    @Scheduled(fixedDelayString = "${desaflow.deadlines.watch-interval:PT1M}", initialDelayString = "${desaflow.deadlines.watch-initial-delay:PT30S}")
    void run() {
        Date horizon = Date.from(now().plus(reminderBefore));
        for (Task task : tasks.createTaskQuery().dueBefore(horizon).active().list()) {
            try {
                transaction.executeWithoutResult(s -> watch(task.getId()));
            } catch (RuntimeException e) {
                log.warn("Deadline of task {} not handled this round: {}", task.getId(), e.toString());
            }
        }
    }

    private void watch(String taskId) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null || task.getDueDate() == null) {
            return; // completed meanwhile
        }
        Instant due = task.getDueDate().toInstant();
        Instant now = now();
        Facts f = facts(task);
        if (!now.isBefore(due.minus(reminderBefore)) && now.isBefore(due) && !has(taskId, REMINDED)) {
            tasks.setVariableLocal(taskId, REMINDED, Date.from(now));
            outbox.add(f.requestId(), new ApprovalTaskDeadlineApproached(f.requestId(), taskId, task.getName(), f.role(),
                    f.group(), f.village(), f.letterType(), f.trackingCode(), due, now));
        }
        Optional<String> superior = Optional.ofNullable(SUPERIOR.get(f.role())).map(r -> "desa:" + f.village() + ":" + r);
        if (!now.isBefore(due) && !has(taskId, ESCALATED) && superior.isPresent()) {
            tasks.setVariableLocal(taskId, ESCALATED, Date.from(now));
            outbox.add(f.requestId(), new ApprovalTaskEscalated(f.requestId(), taskId, task.getName(), f.role(),
                    f.group(), f.village(), f.letterType(), f.trackingCode(), superior.get(), false, due, now));
        }
        boolean movable = superior.isPresent() && !"kades".equals(f.role());
        if (movable && !now.isBefore(due.plus(moveUpAfter)) && !has(taskId, MOVED_UP)) {
            tasks.setVariableLocal(taskId, MOVED_UP, Date.from(now));
            tasks.deleteCandidateGroup(taskId, f.group());
            tasks.addCandidateGroup(taskId, superior.get());
            if (task.getAssignee() != null) {
                tasks.setAssignee(taskId, null); // the one who held it did not act: the superior's office takes it
            }
            outbox.add(f.requestId(), new ApprovalTaskEscalated(f.requestId(), taskId, task.getName(), f.role(),
                    f.group(), f.village(), f.letterType(), f.trackingCode(), superior.get(), true, due, now));
            log.info("Task {} of request {} moved up from {} to {}", taskId, f.requestId(), f.group(),
                    superior.get());
        }
    }

    private record Facts(String requestId, String role, String group, String village, String letterType,
            String trackingCode) {
    }

    private Facts facts(Task task) {
        Map<String, Object> v = tasks.getVariables(task.getId());
        String role = (String) v.get(ProcessVariables.ROLE);
        String village = (String) v.get(ProcessVariables.VILLAGE_CODE);
        String group = tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(l -> l.getGroupId()).findFirst().orElse("desa:" + village + ":" + role);
        return new Facts((String) v.get(ProcessVariables.REQUEST_ID), role, group, village,
                (String) v.get(ProcessVariables.LETTER_TYPE), (String) v.get(ProcessVariables.TRACKING_CODE));
    }

    private boolean has(String taskId, String marker) {
        return tasks.getVariableLocal(taskId, marker) != null;
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
