package id.desaflow.intake;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Every path and method of contracts/openapi/intake.yaml is served, as /v3/api-docs describes the running app. */
class ApiContractTest extends ServiceTestSupport {
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final Path CONTRACT = Path.of("../../contracts/openapi/intake.yaml");

    @Test
    void everyContractOperationIsServed() throws IOException {
        Set<String> promised = new TreeSet<>();
        try (InputStream in = Files.newInputStream(CONTRACT)) {
            Map<String, Map<String, Object>> paths = new Yaml().<Map<String, Map<String, Map<String, Object>>>>load(in)
                    .get("paths");
            paths.forEach((path, operations) -> operations.keySet().stream().filter(METHODS::contains)
                    .forEach(method -> promised.add(method.toUpperCase() + " " + path)));
        }
        Set<String> served = new TreeSet<>();
        JsonNode docs = get("/v3/api-docs").json();
        docs.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (METHODS.contains(method)) {
                served.add(method.toUpperCase() + " " + path.getKey());
            }
        }));

        assertThat(promised).hasSize(7);
        assertThat(served).containsAll(promised);
    }
}
