package id.desaflow.contracts.events;

import java.time.Instant;

/** An official decided a step: {@code decision} is APPROVE, REJECT or REVISE. */
public record ApprovalTaskCompleted(String requestId, String taskId, String taskName, String role, String decision,
        String comment, String completedBy, Instant completedAt) {
}
