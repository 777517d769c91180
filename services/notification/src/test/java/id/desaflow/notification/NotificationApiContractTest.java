package id.desaflow.notification;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.yaml.snakeyaml.Yaml;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The API as documented in contracts/openapi/notification.yaml is the API the service serves. */
class NotificationApiContractTest extends NotificationServiceTestSupport {
    static final Path CONTRACT = Path.of("../../contracts/openapi/notification.yaml");
    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    @Test
    void everyPathAndMethodOfTheContractIsServed() throws Exception {
        Set<String> documented = operations(contract());
        String apiDocs = http.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        Set<String> served = operations(JsonPath.read(apiDocs, "$"));

        assertThat(documented).isNotEmpty();
        assertThat(served).containsAll(documented);
        assertThat(documented).as("the contract documents every API operation").containsAll(served);
    }

    @Test
    void theLogRefusesBadFiltersNamingEachField() throws Exception {
        http.perform(get("/api/v1/notifications").with(villageAdmin()).param("requestId", "x".repeat(65))
                        .param("status", "TERKIRIM")
                        .param("channel", "FAX").param("size", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("requestId",
                        "status", "channel", "size")));
        http.perform(get("/api/v1/notifications").with(villageAdmin()).param("status", "FAILED")
                        .param("channel", "SMS"))
                .andExpect(status().isOk());
    }

    @Test
    void resendingAnUnknownNotificationIsNotFound() throws Exception {
        http.perform(post("/api/v1/notifications/{id}/resend", "tidak-ada:EMAIL").with(villageAdmin()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void everyProvidersCircuitBreakerAndRateLimiterIsVisibleInHealthAndMetrics() throws Exception {
        for (String provider : new String[] {"smtp", "twilio", "whatsapp-cloud"}) {
            http.perform(get("/actuator/health"))
                    .andExpect(jsonPath("$.components.circuitBreakers.details['" + provider + "'].details.state")
                            .exists());
            http.perform(get("/actuator/metrics/resilience4j.circuitbreaker.state").param("tag", "name:" + provider))
                    .andExpect(status().isOk());
            http.perform(get("/actuator/metrics/resilience4j.ratelimiter.available.permissions")
                    .param("tag", "name:" + provider)).andExpect(status().isOk());
        }
        http.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> contract() throws Exception {
        try (InputStream in = Files.newInputStream(CONTRACT)) {
            return new Yaml().load(in);
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<String> operations(Map<String, Object> openApi) {
        Set<String> operations = new TreeSet<>();
        ((Map<String, Map<String, Object>>) openApi.get("paths")).forEach((path, item) -> item.keySet().stream()
                .filter(METHODS::contains).forEach(method -> operations.add(method.toUpperCase() + " " + path)));
        return operations;
    }
}
