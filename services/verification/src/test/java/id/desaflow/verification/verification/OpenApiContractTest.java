package id.desaflow.verification.verification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.yaml.snakeyaml.Yaml;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Every path and method of contracts/openapi/verification.yaml is served by the running app. */
class OpenApiContractTest extends ServiceTestSupport {
    private static final Path CONTRACT = Path.of("../../contracts/openapi/verification.yaml");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    @Autowired
    MockMvc mvc;

    @Test
    void theAppServesEveryOperationOfTheContract() throws Exception {
        Map<String, Map<String, Object>> paths;
        try (Reader in = Files.newBufferedReader(CONTRACT)) {
            Map<String, Object> contract = new Yaml().load(in);
            @SuppressWarnings("unchecked")
            var p = (Map<String, Map<String, Object>>) contract.get("paths");
            paths = p;
        }
        JsonNode served = new ObjectMapper().readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse()
                .getContentAsString()).path("paths");

        List<String> operations = new ArrayList<>();
        paths.forEach((path, ops) -> ops.keySet().stream().filter(METHODS::contains)
                .forEach(method -> operations.add(method.toUpperCase() + " " + path)));
        assertThat(operations).isNotEmpty();
        assertThat(operations).allSatisfy(op -> {
            String[] parts = op.split(" ");
            assertThat(served.path(parts[1]).has(parts[0].toLowerCase())).as(op + " served").isTrue();
        });
    }
}
