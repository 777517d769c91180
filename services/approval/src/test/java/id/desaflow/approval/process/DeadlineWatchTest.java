package id.desaflow.approval.process;

import id.desaflow.approval.SpringServiceTest;
import id.desaflow.contracts.events.ApprovalTaskCreated;
import id.desaflow.contracts.events.ApprovalTaskDeadlineApproached;
import id.desaflow.contracts.events.ApprovalTaskEscalated;
import id.desaflow.contracts.events.EventType;
import id.desaflow.contracts.events.Topics;
import id.desaflow.platform.outbox.EventPublisher;
import id.desaflow.platform.outbox.OutboxMessage;
import id.desaflow.platform.test.EventRecorder;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Reminder, escalation and moving a late task up, on the real engine and Kafka, with the engine's clock moved. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadlineWatchTest extends SpringServiceTest {
    @Autowired
    EventPublisher publisher;
    @Autowired
    DeadlineWatch watch;
    @Autowired
    TaskService tasks;
    /** This context's own broker (a class with tokens on starts a second one). */
    @Autowired
    org.springframework.kafka.test.EmbeddedKafkaBroker broker;

    EventRecorder events;

    @BeforeAll
    void recorder() {
        events = new EventRecorder(broker.getBrokersAsString(), Topics.APPROVAL);
    }

    @AfterAll
    void close() {
        events.close();
    }

    @AfterEach
    void clock() {
        ClockUtil.reset();
    }

    @Test
    void aLateTaskIsRemindedThenEscalatedThenMovedUpToTheSekdesEachOnce() {
        String requestId = UUID.randomUUID().toString();
        publisher.publish(OutboxMessage.of(requestId, verified(requestId, 0, Map.of("namaUsaha", "Toko"))));
        ApprovalTaskCreated created = events.awaitType(EventType.TASK_CREATED, requestId)
                .payload(ApprovalTaskCreated.class);
        Instant due = created.dueAt();
        String kasi = "desa:" + VILLAGE + ":kasi-pelayanan";
        String sekdes = "desa:" + VILLAGE + ":sekdes";

        at(due.minus(Duration.ofDays(2)));
        watch.run();
        at(due.minus(Duration.ofHours(12)));
        watch.run();
        watch.run();
        ApprovalTaskDeadlineApproached reminder = events.awaitType(EventType.TASK_DEADLINE_APPROACHED, requestId)
                .payload(ApprovalTaskDeadlineApproached.class);
        assertThat(reminder.candidateGroup()).isEqualTo(kasi);
        assertThat(reminder.dueAt()).isEqualTo(due);
        assertThat(reminder.trackingCode()).isEqualTo(created.trackingCode());

        at(due.plus(Duration.ofHours(1)));
        watch.run();
        ApprovalTaskEscalated escalated = events.awaitType(EventType.TASK_ESCALATED, requestId)
                .payload(ApprovalTaskEscalated.class);
        assertThat(escalated.escalatedToGroup()).isEqualTo(sekdes);
        assertThat(escalated.reassigned()).isFalse();
        assertThat(candidateGroups(created.taskId())).containsExactly(kasi);

        at(due.plus(Duration.ofDays(2)).plus(Duration.ofHours(1)));
        watch.run();
        watch.run();
        events.await(e -> e.type().equals(EventType.TASK_ESCALATED.type()) && requestId.equals(e.subject())
                && e.payload(ApprovalTaskEscalated.class).reassigned());
        assertThat(candidateGroups(created.taskId())).containsExactly(sekdes);

        // once each, however often the watch runs (several replicas, restarts)
        assertThat(events.events(EventType.TASK_DEADLINE_APPROACHED, requestId)).hasSize(1);
        assertThat(events.events(EventType.TASK_ESCALATED, requestId)).hasSize(2);
        assertThat(events.contractViolations()).isEmpty();
    }

    private java.util.List<String> candidateGroups(String taskId) {
        return tasks.getIdentityLinksForTask(taskId).stream().filter(l -> l.getGroupId() != null)
                .map(l -> l.getGroupId()).toList();
    }

    private static void at(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }
}
