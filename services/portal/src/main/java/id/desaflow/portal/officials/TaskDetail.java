package id.desaflow.portal.officials;

import com.fasterxml.jackson.annotation.JsonAlias;

import java.util.List;
import java.util.Map;

/**
 * One task with what an official needs to decide (GET /api/v1/tasks/{id}): the request's data, the documents, what
 * verification found, and the decisions so far. The documents come from intake when approval does not list them.
 */
record TaskDetail(Task task, RequestData request, List<Check> checks, List<Step> history, List<Document> attachments,
        List<Document> attachmentsOnPaper) {

    TaskDetail {
        checks = checks == null ? List.of() : List.copyOf(checks);
        history = history == null ? List.of() : List.copyOf(history);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        attachmentsOnPaper = attachmentsOnPaper == null ? List.of() : List.copyOf(attachmentsOnPaper);
    }

    /** The applicant's NIK arrives masked; officials compare it with the documents. */
    record RequestData(String requestId, String trackingCode, String letterType,
            @JsonAlias("letterTypeLabel") String letterLabel, String villageCode, String dusun, Integer revision,
            String channel, String applicantName, String applicantNik, Map<String, String> data) {

        RequestData {
            data = data == null ? Map.of() : Map.copyOf(data);
        }
    }

    /** One verification rule's result (CheckResult: rule, passed, message). */
    record Check(@JsonAlias({"code", "name"}) String rule, String label, Boolean passed, String outcome,
            @JsonAlias({"detail", "reason"}) String message) {

        public boolean ok() {
            return Boolean.TRUE.equals(passed) || "PASSED".equalsIgnoreCase(outcome) || "OK".equalsIgnoreCase(outcome);
        }
    }

    /** One step of the request's history: who did what, when, with which comment. */
    record Step(@JsonAlias({"completedAt", "createdAt"}) String at, @JsonAlias({"completedBy", "user"}) String actor,
            String action, @JsonAlias("name") String taskName, String role, String decision, String comment,
            String detail) {
    }

    /** A document of the request: uploaded (id set) or seen on paper at the office. */
    record Document(String id, String kind, String label, String contentType, Long sizeBytes) {
    }

    TaskDetail withChecks(List<Check> found) {
        return new TaskDetail(task, request, found, history, attachments, attachmentsOnPaper);
    }

    TaskDetail withDocuments(List<Document> uploaded, List<Document> onPaper) {
        return new TaskDetail(task, request, checks, history, uploaded, onPaper);
    }
}
