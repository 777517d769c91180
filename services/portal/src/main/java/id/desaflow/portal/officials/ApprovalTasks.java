package id.desaflow.portal.officials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.desaflow.portal.backend.BackendClients;
import id.desaflow.portal.signin.CurrentOfficial;
import id.desaflow.portal.signin.Official;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The approval service's task API, always called as the acting official (user + candidate groups). */
@Component
class ApprovalTasks {
    private final RestClient approval;
    private final ObjectMapper json;

    ApprovalTasks(@BackendClients.Approval RestClient approval, ObjectMapper json) {
        this.approval = approval;
        this.json = json;
    }

    /** The start page's numbers. */
    record Counts(int open, int overdue, int mine, @com.fasterxml.jackson.annotation.JsonProperty("new") int fresh) {
    }

    /** The service's counts; counted from the group's list where an older service has no counts endpoint. */
    Counts counts(Official official) {
        try {
            Counts counts = approval.get().uri("/api/v1/tasks/counts").headers(CurrentOfficial.headers(official))
                    .retrieve().body(Counts.class);
            return counts == null ? new Counts(0, 0, 0, 0) : counts;
        } catch (HttpClientErrorException.NotFound | HttpClientErrorException.BadRequest noCounts) {
            List<Task> open = list(official, TaskFilter.of("grup", null, null, null, null));
            return new Counts(open.size(), (int) open.stream().filter(Task::late).count(),
                    (int) open.stream().filter(t -> t.claimedBy(official.id())).count(),
                    (int) open.stream().filter(Task::isNew).count());
        }
    }

    /**
     * The filtered list, sent as {@code scope/letterType/dusun/overdue/new} plus {@code group} (the official's most
     * specific candidate group, which the first approval API required). The filters the portal can judge itself
     * (mine, overdue, letter type) are applied again here, so the list is right whichever API version answers.
     */
    List<Task> list(Official official, TaskFilter filter) {
        List<String> groups = official.groups();
        JsonNode body = approval.get().uri(u -> filter.apiQuery(u, groups.get(groups.size() - 1)))
                .headers(CurrentOfficial.headers(official)).retrieve().body(JsonNode.class);
        return BackendClients.items(body, Task.class, json).stream()
                .filter(t -> !filter.mine() || t.claimedBy(official.id()))
                .filter(t -> !filter.overdue() || t.late())
                .filter(t -> filter.letterType() == null || t.letterType() == null
                        || filter.letterType().equals(t.letterType()))
                .toList();
    }

    /**
     * The task with its request; accepts the task's fields at the top level or under {@code task}, and the request
     * data, checks and documents at the top level or under {@code request}.
     */
    TaskDetail detail(Official official, String taskId) {
        JsonNode body = approval.get().uri("/api/v1/tasks/{id}", taskId).headers(CurrentOfficial.headers(official))
                .retrieve().body(JsonNode.class);
        if (body == null) {
            throw new id.desaflow.portal.backend.BackendUnavailableException("approval answered an empty task");
        }
        JsonNode task = body.has("task") ? body.get("task") : body;
        JsonNode request = body.has("request") ? body.get("request") : body;
        return new TaskDetail(json.convertValue(task, Task.class),
                json.convertValue(request, TaskDetail.RequestData.class),
                list(first(body, request, "checks", "verificationChecks"), TaskDetail.Check.class),
                list(first(body, request, "history", "audit"), TaskDetail.Step.class),
                list(first(body, request, "attachments", "documents"), TaskDetail.Document.class),
                list(first(body, request, "attachmentsOnPaper"), TaskDetail.Document.class));
    }

    void claim(Official official, String taskId) {
        approval.post().uri("/api/v1/tasks/{id}/claim", taskId).headers(CurrentOfficial.headers(official))
                .retrieve().toBodilessEntity();
    }

    void unclaim(Official official, String taskId) {
        approval.post().uri("/api/v1/tasks/{id}/unclaim", taskId).headers(CurrentOfficial.headers(official))
                .retrieve().toBodilessEntity();
    }

    void complete(Official official, String taskId, Decision decision, String comment) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decision", decision.name());
        if (!comment.isEmpty()) {
            body.put("comment", comment);
        }
        approval.post().uri("/api/v1/tasks/{id}/complete", taskId).headers(CurrentOfficial.headers(official))
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity();
    }

    private static JsonNode first(JsonNode body, JsonNode request, String... names) {
        for (String name : names) {
            for (JsonNode node : new JsonNode[] {body, request}) {
                JsonNode value = node.get(name);
                if (value != null && value.isArray()) {
                    return value;
                }
                if (value != null && value.isObject() && value.get("checks") != null) {
                    return value.get("checks"); // {"verification": {"checks": [...]}}
                }
            }
        }
        return null;
    }

    private <T> List<T> list(JsonNode array, Class<T> type) {
        return BackendClients.items(array, type, json);
    }
}
