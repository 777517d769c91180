package id.desaflow.contracts.events;

import java.time.Instant;

/** An open approval task is close to its due date (the reminder point configured for its step). */
public record ApprovalTaskDeadlineApproached(String requestId, String taskId, String taskName, String role,
        String candidateGroup, String villageCode, String letterType, String trackingCode, Instant dueAt,
        Instant remindedAt) {
}
