package id.desaflow.intake;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * contracts/openapi/intake.yaml against the running app's /v3/api-docs: every promised path and method is served,
 * with every request content type it promises, and the statuses it lists are the ones the app answers with.
 */
class ApiContractTest extends ServiceTestSupport {
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final Path CONTRACT = Path.of("../../contracts/openapi/intake.yaml");

    @Test
    @SuppressWarnings("unchecked")
    void everyContractOperationIsServed() throws IOException {
        Map<String, Object> contract;
        try (InputStream in = Files.newInputStream(CONTRACT)) {
            contract = new Yaml().load(in);
        }
        Set<String> promised = new TreeSet<>();
        Map<String, Map<String, Map<String, Object>>> paths = (Map<String, Map<String, Map<String, Object>>>)
                contract.get("paths");
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (METHODS.contains(method)) {
                promised.add(method.toUpperCase() + " " + path);
                Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
                if (body != null) {
                    ((Map<String, Object>) body.get("content")).keySet()
                            .forEach(type -> promised.add(method.toUpperCase() + " " + path + " " + type));
                }
            }
        }));
        JsonNode docs = get("/v3/api-docs").json();
        Set<String> served = new TreeSet<>();
        docs.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (METHODS.contains(op.getKey())) {
                String operation = op.getKey().toUpperCase() + " " + path.getKey();
                served.add(operation);
                op.getValue().path("requestBody").path("content").fieldNames()
                        .forEachRemaining(type -> served.add(operation + " " + type));
            }
        }));

        assertThat(promised.stream().filter(p -> p.split(" ").length == 2)).hasSize(17);
        assertThat(served).containsAll(promised);
        List<String> statuses = new ArrayList<>();
        docs.at("/components/schemas/StatusView/properties/status/enum").forEach(s -> statuses.add(s.asText()));
        assertThat(statuses).isEqualTo(((Map<String, Map<String, Map<String, Object>>>) contract.get("components"))
                .get("schemas").get("Status").get("enum"));
    }
}
