package id.desaflow.portal.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.desaflow.portal.backend.BackendClients;
import id.desaflow.portal.signin.CurrentOfficial;
import id.desaflow.portal.signin.Official;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static id.desaflow.portal.web.Forms.blankToNull;

/**
 * The identity service's account administration as the pages use it, called as the signed-in administrator or
 * operator; the identity service decides who may do what (403) and checks the input (400 naming the field).
 */
@Component
class Accounts {
    private final RestClient identity;
    private final RestClient intake;
    private final RestClient approval;
    private final ObjectMapper json;

    Accounts(@BackendClients.Identity RestClient identity, @BackendClients.Intake RestClient intake,
            @BackendClients.Approval RestClient approval, ObjectMapper json) {
        this.identity = identity;
        this.intake = intake;
        this.approval = approval;
        this.json = json;
    }

    /** A sign-in, failed sign-in or change of the account, as identity's audit keeps it ({@code ip}: from where). */
    record AccountEvent(String at, String action, String actorId, String detail, String ip) {
    }

    /** A claim, release or decision on a request, as approval's audit keeps it ({@code from}: from where). */
    record TaskEvent(String at, String action, String taskName, String decision, String comment, String from,
            String requestId) {
    }

    record OfficialAccount(String id, String username, String name, String village, List<String> roles, String dusun,
            boolean active) {
    }

    /** Shown once: an official's first password, or a resident's PIN. */
    record Secret(String id, String secret) {
    }

    List<OfficialAccount> officials(Official admin, String village) {
        JsonNode body = identity.get().uri(u -> u.path("/api/v1/officials").queryParam("village", village).build())
                .headers(CurrentOfficial.headers(admin)).retrieve().body(JsonNode.class);
        return BackendClients.items(body, OfficialAccount.class, json);
    }

    Secret create(Official admin, String village, String username, String name, String role, String dusun,
            String email, String phone) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("name", name);
        body.put("village", village);
        body.put("roles", role == null || role.isBlank() ? List.of() : List.of(role));
        body.put("dusun", blankToNull(dusun));
        body.put("email", blankToNull(email));
        body.put("phone", blankToNull(phone));
        return identity.post().uri("/api/v1/officials").headers(CurrentOfficial.headers(admin)).body(body)
                .retrieve().body(Secret.class);
    }

    void assign(Official admin, String id, String role, String dusun) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("roles", role == null || role.isBlank() ? List.of() : List.of(role));
        body.put("dusun", blankToNull(dusun));
        identity.put().uri("/api/v1/officials/{id}/roles", id).headers(CurrentOfficial.headers(admin)).body(body)
                .retrieve().toBodilessEntity();
    }

    /** A new password for an official who forgot it or is locked out; shown once, replaced at the next sign-in. */
    Secret resetPassword(Official admin, String id) {
        return identity.post().uri("/api/v1/officials/{id}/password-reset", id).headers(CurrentOfficial.headers(admin))
                .retrieve().body(Secret.class);
    }

    void deactivate(Official admin, String id) {
        identity.post().uri("/api/v1/officials/{id}/deactivation", id).headers(CurrentOfficial.headers(admin))
                .retrieve().toBodilessEntity();
    }

    /** At the counter: a resident's PIN, created with their account on first issue. NIK in the body only. */
    Secret issuePin(Official staff, String nik, String name, String phone, String email) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("nik", nik);
        body.put("name", blankToNull(name));
        body.put("village", staff.villageCode());
        body.put("phone", blankToNull(phone));
        body.put("email", blankToNull(email));
        return identity.post().uri("/api/v1/residents/pin-reset").headers(CurrentOfficial.headers(staff)).body(body)
                .retrieve().body(Secret.class);
    }

    /** Identity's audit of one account, newest first; identity answers 404 for an account the admin may not see. */
    List<AccountEvent> accountTrail(Official admin, String id) {
        JsonNode body = identity.get().uri("/api/v1/audit/users/{id}", id).headers(CurrentOfficial.headers(admin))
                .retrieve().body(JsonNode.class);
        List<AccountEvent> events = BackendClients.items(body, AccountEvent.class, json);
        events.sort(Comparator.comparing(AccountEvent::at, Comparator.nullsLast(Comparator.reverseOrder())));
        return events;
    }

    /** Approval's audit of what one official did on requests of the admin's villages (approval answers newest first). */
    List<TaskEvent> taskTrail(Official admin, String userId) {
        JsonNode body = approval.get().uri("/api/v1/audit/officials/{userId}", userId)
                .headers(CurrentOfficial.headers(admin)).retrieve().body(JsonNode.class);
        return BackendClients.items(body, TaskEvent.class, json);
    }

    /** The village's dusun, for the kepala dusun's choice (intake's public village page). */
    List<String> dusun(String village) {
        try {
            JsonNode body = intake.get().uri("/api/v1/villages/{code}", village).retrieve().body(JsonNode.class);
            List<String> dusun = new ArrayList<>();
            if (body != null) {
                body.path("dusun").forEach(d -> dusun.add(d.asText()));
            }
            return dusun;
        } catch (RuntimeException unavailable) {
            return List.of(); // the form still works: the field takes any name then
        }
    }
}
