package id.desaflow.approval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.yaml.snakeyaml.Yaml;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every path and method of contracts/openapi/approval.yaml is served (per the app's own /v3/api-docs). */
class OpenApiContractTest extends SpringServiceTest {
    private static final Path CONTRACT = Path.of("../../contracts/openapi/approval.yaml");

    @Autowired
    TestRestTemplate http;

    @Test
    @SuppressWarnings("unchecked")
    void everyContractOperationIsServed() throws Exception {
        Map<String, Object> contract;
        try (Reader reader = Files.newBufferedReader(CONTRACT)) {
            contract = new Yaml().load(reader);
        }
        JsonNode served = new ObjectMapper().readTree(http.getForObject("/v3/api-docs", String.class)).path("paths");
        List<String> missing = new ArrayList<>();
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) contract.get("paths");
        assertThat(paths).isNotEmpty();
        paths.forEach((path, operations) -> operations.keySet().stream()
                .filter(m -> List.of("get", "post", "put", "patch", "delete").contains(m))
                .filter(m -> served.path(path).path(m).isMissingNode())
                .forEach(m -> missing.add(m.toUpperCase() + " " + path)));
        assertThat(missing).as("served paths: %s", served.fieldNames()).isEmpty();
    }
}
