package id.desaflow.contracts.events;

import java.time.Instant;

/**
 * An approval task is overdue: the superior group ({@code escalatedToGroup}) was alerted, and when
 * {@code reassigned} the task itself moved up to that group.
 */
public record ApprovalTaskEscalated(String requestId, String taskId, String taskName, String role,
        String candidateGroup, String villageCode, String letterType, String trackingCode,
        String escalatedToGroup, boolean reassigned, Instant dueAt, Instant escalatedAt) {
}
