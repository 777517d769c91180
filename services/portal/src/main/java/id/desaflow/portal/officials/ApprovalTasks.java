package id.desaflow.portal.officials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.desaflow.portal.backend.BackendClients;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The approval service's task API, called on behalf of the current official. */
@Component
class ApprovalTasks {
    private final RestClient approval;
    private final ObjectMapper json;
    private final CurrentOfficial official;

    ApprovalTasks(@BackendClients.Approval RestClient approval, ObjectMapper json, CurrentOfficial official) {
        this.approval = approval;
        this.json = json;
        this.official = official;
    }

    List<Task> forGroup(String group) {
        JsonNode body = approval.get().uri(u -> u.path("/api/v1/tasks").queryParam("group", "{group}").build(group))
                .header(CurrentOfficial.HEADER, official.userId())
                .retrieve().body(JsonNode.class);
        return BackendClients.items(body, Task.class, json);
    }

    /** Claims the task for the current official, then completes it with the decision. */
    void decide(String taskId, Decision decision, String comment) {
        approval.post().uri("/api/v1/tasks/{id}/claim", taskId)
                .header(CurrentOfficial.HEADER, official.userId())
                .retrieve().toBodilessEntity();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decision", decision.name());
        if (!comment.isEmpty()) {
            body.put("comment", comment);
        }
        approval.post().uri("/api/v1/tasks/{id}/complete", taskId)
                .header(CurrentOfficial.HEADER, official.userId())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve().toBodilessEntity();
    }
}
