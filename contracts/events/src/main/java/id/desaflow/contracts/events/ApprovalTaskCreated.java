package id.desaflow.contracts.events;

import java.time.Instant;

/**
 * A step of the approval chain now waits for an official of {@code candidateGroup}.
 *
 * @param signature true for the step that signs the letter (kepala desa, or the sekretaris desa signing "a.n."
 *                  where the village delegates); null from producers that predate it
 */
public record ApprovalTaskCreated(String requestId, String taskId, String taskName, String role,
        String candidateGroup, String villageCode, Instant dueAt, Instant createdAt, String letterType,
        String trackingCode, Boolean signature) {

    public ApprovalTaskCreated(String requestId, String taskId, String taskName, String role, String candidateGroup,
            String villageCode, Instant dueAt, Instant createdAt, String letterType, String trackingCode) {
        this(requestId, taskId, taskName, role, candidateGroup, villageCode, dueAt, createdAt, letterType,
                trackingCode, null);
    }

    public ApprovalTaskCreated(String requestId, String taskId, String taskName, String role, String candidateGroup,
            String villageCode, Instant dueAt, Instant createdAt) {
        this(requestId, taskId, taskName, role, candidateGroup, villageCode, dueAt, createdAt, null, null);
    }
}
