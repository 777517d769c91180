package id.desaflow.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yaml.snakeyaml.Yaml;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** contracts/openapi/identity.yaml against the running app's /v3/api-docs: every promised operation is served. */
@IdentityServiceTest
class ApiContractTest {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    @LocalServerPort
    int port;

    @Test
    @SuppressWarnings("unchecked")
    void everyContractOperationIsServed() throws Exception {
        Map<String, Object> contract;
        try (InputStream in = Files.newInputStream(Path.of("../../contracts/openapi/identity.yaml"))) {
            contract = new Yaml().load(in);
        }
        Set<String> promised = new TreeSet<>();
        ((Map<String, Map<String, Object>>) contract.get("paths")).forEach((path, ops) -> ops.keySet().stream()
                .filter(METHODS::contains).forEach(m -> promised.add(m.toUpperCase() + " " + path)));
        var docs = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/v3/api-docs")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode json = new ObjectMapper().readTree(docs.body());
        Set<String> served = new TreeSet<>();
        json.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m -> {
            if (METHODS.contains(m)) {
                served.add(m.toUpperCase() + " " + p.getKey());
            }
        }));
        assertThat(promised).hasSize(7);
        assertThat(served).containsAll(promised);
    }
}
