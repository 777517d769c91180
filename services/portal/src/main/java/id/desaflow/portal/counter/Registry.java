package id.desaflow.portal.counter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.desaflow.portal.backend.BackendClients;
import id.desaflow.portal.signin.CurrentOfficial;
import id.desaflow.portal.signin.Official;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.util.List;
import java.util.Map;

/**
 * The village's population register (verification service), searched at the counter by NIK or name: the query goes
 * in the body of a POST, never in a URL.
 */
@Component
class Registry {
    private final RestClient verification;
    private final ObjectMapper json;
    private final String villageCode;

    Registry(@BackendClients.Verification RestClient verification, ObjectMapper json,
            @Value("${desaflow.portal.village-code}") String villageCode) {
        this.verification = verification;
        this.json = json;
        this.villageCode = villageCode;
    }

    /** A search hit: NIK and KK number masked unless the full NIK was searched for. */
    record Resident(String nik, String name, String birthDate, String sex, String dusun, String rt, String rw,
            String kkNumber, Boolean alive, String status) {

        public boolean fullNik() {
            return nik != null && nik.matches("[0-9]{16}");
        }

        public boolean deceased() {
            return Boolean.FALSE.equals(alive);
        }
    }

    List<Resident> search(String query, Official official) {
        JsonNode body = verification.post().uri("/api/v1/registry/{village}/residents/search", villageCode)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("q", query, "size", 20))
                .headers(CurrentOfficial.headers(official))
                .retrieve().body(JsonNode.class);
        return BackendClients.items(body, Resident.class, json);
    }
}
