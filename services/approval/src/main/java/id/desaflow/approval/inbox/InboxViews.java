package id.desaflow.approval.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the officials' inbox API answers. */
final class InboxViews {

    record TaskSummary(String id, String name, String role, String requestId, String trackingCode,
            String letterType, String applicantName, Instant createdAt, Instant dueAt, String assignee) {
    }

    /** {@code applicantNik} is masked until officials sign in (OAuth2); the letter itself carries the full NIK. */
    record RequestData(String requestId, String trackingCode, String letterType, String villageCode, String dusun,
            Integer revision, String applicantName, String applicantNik, Map<String, String> data) {
    }

    record Step(String taskId, String name, String role, String decision, String comment, String completedBy,
            Instant completedAt) {
    }

    record TaskDetail(TaskSummary task, RequestData request, List<Step> history) {
    }

    record CompleteTask(String decision, String comment) {
    }

    record CompletedTask(String taskId, String requestId, String name, String decision, String comment,
            String completedBy) {
    }

    private InboxViews() {
    }
}
