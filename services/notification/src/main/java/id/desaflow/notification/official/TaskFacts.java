package id.desaflow.notification.official;

import id.desaflow.contracts.events.ApprovalTaskCreated;
import id.desaflow.contracts.events.ApprovalTaskDeadlineApproached;
import id.desaflow.contracts.events.ApprovalTaskEscalated;

import java.time.Instant;

/** What the three task events share, as officials' messages use it. */
record TaskFacts(String requestId, String taskId, String taskName, String villageCode, String letterType,
        String trackingCode, Instant dueAt) {

    static TaskFacts of(ApprovalTaskCreated e) {
        return new TaskFacts(e.requestId(), e.taskId(), e.taskName(), e.villageCode(), e.letterType(), e.trackingCode(),
                e.dueAt());
    }

    static TaskFacts of(ApprovalTaskDeadlineApproached e) {
        return new TaskFacts(e.requestId(), e.taskId(), e.taskName(), e.villageCode(), e.letterType(), e.trackingCode(),
                e.dueAt());
    }

    static TaskFacts of(ApprovalTaskEscalated e) {
        return new TaskFacts(e.requestId(), e.taskId(), e.taskName(), e.villageCode(), e.letterType(), e.trackingCode(),
                e.dueAt());
    }
}
