package id.desaflow.contracts.events;

import java.time.Instant;

/** A step of the approval chain now waits for an official of {@code candidateGroup}. */
public record ApprovalTaskCreated(String requestId, String taskId, String taskName, String role,
        String candidateGroup, String villageCode, Instant dueAt, Instant createdAt, String letterType,
        String trackingCode) {

    public ApprovalTaskCreated(String requestId, String taskId, String taskName, String role, String candidateGroup,
            String villageCode, Instant dueAt, Instant createdAt) {
        this(requestId, taskId, taskName, role, candidateGroup, villageCode, dueAt, createdAt, null, null);
    }
}
