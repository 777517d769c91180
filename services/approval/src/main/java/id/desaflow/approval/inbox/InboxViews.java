package id.desaflow.approval.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the officials' inbox API answers. */
final class InboxViews {

    /** {@code new}: nobody has taken it yet and it arrived within the last day. */
    record TaskSummary(String id, String name, String role, String candidateGroup, String requestId,
            String trackingCode, String letterType, String letterLabel, String applicantName, String dusun,
            Instant createdAt, Instant dueAt, String assignee, boolean overdue,
            @com.fasterxml.jackson.annotation.JsonProperty("new") boolean fresh) {
    }

    /** The start page's numbers for one official. */
    record TaskCounts(long open, long overdue, long mine, @com.fasterxml.jackson.annotation.JsonProperty("new")
            long fresh) {
    }

    /** The list's filters: {@code scope} mine|group, letter type, dusun, overdue only, new only. */
    record TaskFilter(boolean mine, String letterType, String dusun, boolean overdue, boolean fresh) {
    }

    /** One verification finding, as the officials see it beside the request. */
    record Check(String rule, boolean passed, String message) {
    }

    /** {@code applicantNik} is masked until officials sign in (OAuth2); the letter itself carries the full NIK. */
    record RequestData(String requestId, String trackingCode, String letterType, String letterLabel,
            String villageCode, String dusun,
            Integer revision, String applicantName, String applicantNik, Map<String, String> data) {
    }

    record Step(String taskId, String name, String role, String decision, String comment, String completedBy,
            Instant completedAt) {
    }

    record TaskDetail(TaskSummary task, RequestData request, List<Check> checks, List<Step> history) {
    }

    record CompleteTask(String decision, String comment) {
    }

    record CompletedTask(String taskId, String requestId, String name, String decision, String comment,
            String completedBy) {
    }

    private InboxViews() {
    }
}
