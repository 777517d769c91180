package id.desaflow.portal.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.desaflow.portal.backend.BackendClients;
import id.desaflow.portal.signin.CurrentOfficial;
import id.desaflow.portal.signin.Official;
import id.desaflow.portal.web.PageRefusal;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The approval service's workflow administration API as the admin pages need it. Every call tells the service who
 * acts with {@link CurrentOfficial#headers}; the service decides again what this administrator may change.
 */
@Component
public class Workflows {
    private final RestClient approval;
    private final ObjectMapper json;

    Workflows(@BackendClients.Approval RestClient approval, ObjectMapper json) {
        this.approval = approval;
        this.json = json;
    }

    /** One deployed version of a chain; {@code village} null means it was deployed for every village. */
    record Version(int version, String definitionId, String deployedAt, String deployedBy, String village,
            long running) {
    }

    /** Which version new requests start: {@code all} for every village, {@code villages} per village code. */
    record Current(Integer all, Map<String, Integer> villages) {
        Current {
            villages = villages == null ? Map.of() : Map.copyOf(villages);
        }

        /** The version a new request of this village starts (its own choice, else the one for all). */
        public Integer forVillage(String village) {
            return villages.getOrDefault(village, all);
        }
    }

    /** Public helpers (running, has, forVillage, label): the templates call them, SpEL needs them public. */
    record Workflow(String key, String name, List<Version> versions, Current current) {
        Workflow {
            versions = versions == null ? List.of() : List.copyOf(versions);
            current = current == null ? new Current(null, Map.of()) : current;
        }

        public long running() {
            return versions.stream().mapToLong(Version::running).sum();
        }

        public boolean has(int version) {
            return versions.stream().anyMatch(v -> v.version() == version);
        }
    }

    record Mapping(String from, String to) {
    }

    /** A step of the old version instances wait in that has no automatic counterpart in the new one. */
    record Step(String id, String name) {
        public String label() {
            return name == null || name.isBlank() || name.equals(id) ? id : name + " (" + id + ")";
        }
    }

    /** A request that cannot move, and why; {@code requestId} null = the plan itself. */
    record Failure(String requestId, String reason) {
    }

    record DryRun(int instances, List<Mapping> plannedMappings, List<Step> unmapped, List<Failure> failures) {
    }

    /** The service's state of a migration: RUNNING, then DONE; {@code instances} = how many it set out to move. */
    record MigrationReport(String status, Integer instances, int migrated, List<Failure> failed) {
        MigrationReport {
            failed = failed == null ? List.of() : List.copyOf(failed);
        }

        /** Still moving requests: the report page refreshes itself until the service says it is done. */
        public boolean running() {
            return status == null || List.of("RUNNING", "PENDING", "QUEUED", "STARTED").contains(status.toUpperCase());
        }
    }

    List<Workflow> all(Official official) {
        JsonNode body = approval.get().uri("/api/v1/workflows").headers(CurrentOfficial.headers(official))
                .retrieve().body(JsonNode.class);
        return BackendClients.items(body, Workflow.class, json);
    }

    /** The chain version a village's new requests of this letter type start (for the letter-type pages). */
    public Integer versionInForce(Official official, String key, String village) {
        return one(official, key).current().forVillage(village);
    }

    Workflow one(Official official, String key) {
        return all(official).stream().filter(w -> w.key().equals(key)).findFirst()
                .orElseThrow(() -> new UnknownWorkflow(key));
    }

    String bpmn(Official official, String key, int version) {
        byte[] xml = approval.get().uri("/api/v1/workflows/{key}/versions/{version}/bpmn", key, version)
                .headers(CurrentOfficial.headers(official)).accept(MediaType.APPLICATION_XML, MediaType.TEXT_XML)
                .retrieve().body(byte[].class);
        return xml == null ? "" : new String(xml, StandardCharsets.UTF_8); // BPMN files are UTF-8 (XML's default)
    }

    /** The service's checks of an edited file; its answer (problems, or a problem+json refusal) as it came. */
    ResponseEntity<JsonNode> validate(Official official, String key, String xml) {
        return approval.post().uri("/api/v1/workflows/{key}/validation", key).headers(CurrentOfficial.headers(official))
                .contentType(MediaType.APPLICATION_XML).body(xml).retrieve()
                .onStatus(s -> s.is4xxClientError(), (request, response) -> { }) // relayed to the page as is
                .toEntity(JsonNode.class);
    }

    /** Deploys a new version; {@code village} null = for every village. 201 or the 422 with its problems, relayed. */
    ResponseEntity<JsonNode> deploy(Official official, String key, String xml, String village) {
        return approval.post().uri(u -> {
            u.path("/api/v1/workflows/{key}/deployments");
            if (village != null) {
                u.queryParam("village", "{village}");
            }
            return village == null ? u.build(key) : u.build(key, village);
        }).headers(CurrentOfficial.headers(official)).contentType(MediaType.APPLICATION_XML).body(xml).retrieve()
                .onStatus(s -> s.is4xxClientError(), (request, response) -> { })
                .toEntity(JsonNode.class);
    }

    /** Makes {@code version} the one new requests start (a rollback when it is older). */
    void makeCurrent(Official official, String key, int version, String village) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", version);
        if (village != null) {
            body.put("village", village);
        }
        approval.put().uri("/api/v1/workflows/{key}/current", key).headers(CurrentOfficial.headers(official))
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity();
    }

    DryRun dryRun(Official official, String key, int from, int to, String village, List<Mapping> mappings) {
        JsonNode body = approval.post().uri("/api/v1/workflows/{key}/migrations", key)
                .headers(CurrentOfficial.headers(official)).contentType(MediaType.APPLICATION_JSON)
                .body(migration(from, to, village, mappings, true)).retrieve().body(JsonNode.class);
        return new DryRun(body == null ? 0 : body.path("instances").asInt(),
                list(body, "plannedMappings", Mapping.class), steps(body == null ? null : body.get("unmapped")),
                list(body, "failures", Failure.class));
    }

    /** Starts moving the running requests; the service answers 202 with the id of the migration to follow. */
    String migrate(Official official, String key, int from, int to, String village, List<Mapping> mappings) {
        JsonNode body = approval.post().uri("/api/v1/workflows/{key}/migrations", key)
                .headers(CurrentOfficial.headers(official)).contentType(MediaType.APPLICATION_JSON)
                .body(migration(from, to, village, mappings, false)).retrieve().body(JsonNode.class);
        return body == null ? null : body.path("migrationId").asText(null);
    }

    MigrationReport report(Official official, String migrationId) {
        return approval.get().uri("/api/v1/workflows/migrations/{id}", migrationId)
                .headers(CurrentOfficial.headers(official)).retrieve().body(MigrationReport.class);
    }

    private static Map<String, Object> migration(int from, int to, String village, List<Mapping> mappings,
            boolean dryRun) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fromVersion", from);
        body.put("toVersion", to);
        if (village != null) {
            body.put("village", village);
        }
        body.put("mappings", mappings);
        body.put("dryRun", dryRun);
        return body;
    }

    private <T> List<T> list(JsonNode body, String field, Class<T> type) {
        return BackendClients.items(body == null ? null : body.get(field), type, json);
    }

    /** Unmapped steps as ids ("Task_kades") or as objects ({activityId|elementId|id, name}): either is read. */
    private static List<Step> steps(JsonNode unmapped) {
        List<Step> steps = new ArrayList<>();
        if (unmapped != null && unmapped.isArray()) {
            for (JsonNode step : unmapped) {
                if (step.isTextual()) {
                    steps.add(new Step(step.asText(), null));
                } else if (step.isObject()) {
                    JsonNode id = step.hasNonNull("activityId") ? step.get("activityId")
                            : step.hasNonNull("elementId") ? step.get("elementId") : step.path("id");
                    steps.add(new Step(id.asText(), step.path("name").asText(null)));
                }
            }
        }
        return steps;
    }

    /** A workflow key the service does not list (typed by hand, or removed). */
    static class UnknownWorkflow extends PageRefusal {
        UnknownWorkflow(String key) {
            super(HttpStatus.NOT_FOUND, "workflows.unknown", "no workflow " + key);
        }
    }
}
