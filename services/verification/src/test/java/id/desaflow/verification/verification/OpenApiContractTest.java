package id.desaflow.verification.verification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.desaflow.verification.ServiceTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.yaml.snakeyaml.Yaml;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** contracts/openapi/verification.yaml and the running app describe the same operations. */
class OpenApiContractTest extends ServiceTestSupport {
    private static final Path CONTRACT = Path.of("../../contracts/openapi/verification.yaml");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    @Autowired
    MockMvc mvc;

    @Test
    void theAppServesEveryOperationOfTheContractAndNoUndocumentedOne() throws Exception {
        Map<String, Map<String, Object>> paths;
        try (Reader in = Files.newBufferedReader(CONTRACT)) {
            Map<String, Object> contract = new Yaml().load(in);
            @SuppressWarnings("unchecked")
            var p = (Map<String, Map<String, Object>>) contract.get("paths");
            paths = p;
        }
        JsonNode served = new ObjectMapper().readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse()
                .getContentAsString()).path("paths");

        Set<String> documented = new TreeSet<>();
        paths.forEach((path, ops) -> ops.keySet().stream().filter(METHODS::contains)
                .forEach(method -> documented.add(method.toUpperCase() + " " + path)));
        Set<String> offered = new TreeSet<>();
        served.fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (METHODS.contains(method)) {
                offered.add(method.toUpperCase() + " " + path.getKey());
            }
        }));
        assertThat(documented).hasSizeGreaterThanOrEqualTo(8);
        assertThat(offered).containsExactlyInAnyOrderElementsOf(documented);
    }
}
