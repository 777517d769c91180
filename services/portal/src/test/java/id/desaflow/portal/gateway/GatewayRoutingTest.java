package id.desaflow.portal.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import id.desaflow.portal.Backends;
import id.desaflow.portal.PortalTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.requestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The one web origin relays every API path to the service that owns it, unchanged both ways. */
class GatewayRoutingTest extends PortalTest {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    static Stream<Arguments> routes() {
        return Stream.of(
                Arguments.of("GET", "/api/v1/requests/SKU-7K3P9Q", Backends.INTAKE),
                Arguments.of("GET", "/api/v1/requests?status=DIAJUKAN&page=2", Backends.INTAKE),
                Arguments.of("GET", "/api/v1/letter-types", Backends.INTAKE),
                Arguments.of("GET", "/api/v1/villages/3309012004/dusun", Backends.INTAKE),
                Arguments.of("PUT", "/api/v1/verifications/abc", Backends.VERIFICATION),
                Arguments.of("POST", "/api/v1/registry/3309012004/residents/search", Backends.VERIFICATION),
                Arguments.of("GET", "/api/v1/public/letters/V7K3P9QX", Backends.APPROVAL),
                Arguments.of("GET", "/api/v1/requests/0b7e/audit", Backends.APPROVAL),
                Arguments.of("GET", "/api/v1/audit/officials/kades.beji", Backends.APPROVAL),
                Arguments.of("GET", "/api/v1/requests/SKU-7K3P9Q/details", Backends.INTAKE),
                Arguments.of("POST", "/api/v1/inbox/i1/read", Backends.NOTIFICATION),
                Arguments.of("PUT", "/api/v1/preferences/warga-1", Backends.NOTIFICATION),
                Arguments.of("GET", "/api/v1/tasks?group=desa%3A3309012004%3Akades", Backends.APPROVAL),
                Arguments.of("POST", "/api/v1/tasks/t-1/complete", Backends.APPROVAL),
                Arguments.of("GET", "/api/v1/letters/L-2025-045?format=pdf", Backends.APPROVAL),
                Arguments.of("DELETE", "/api/v1/notifications/n-9?x=a%20b", Backends.NOTIFICATION));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("routes")
    void eachRouteReachesItsServiceWithMethodPathQueryHeadersAndBodyIntact(String method, String pathAndQuery,
            WireMockServer owner) throws Exception {
        owner.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("X-Backend", "yes")
                .withBody("{\"served\":\"" + method + "\"}")));
        String body = method.equals("GET") || method.equals("DELETE") ? null : "{\"decision\":\"APPROVE\",\"comment\":\"ok ✓\"}";

        HttpResponse<String> response = send(method, pathAndQuery, body);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"served\":\"" + method + "\"}");
        assertThat(response.headers().firstValue("X-Backend")).hasValue("yes");
        var received = requestedFor(method, urlEqualTo(pathAndQuery))
                .withHeader("X-DesaFlow-User", equalTo("siti"))
                .withHeader("X-DesaFlow-Channel", equalTo("COUNTER"))
                .withHeader("Accept-Language", equalTo("id-ID"));
        if (body != null) {
            received = received.withRequestBody(equalToJson(body));
        }
        owner.verify(1, received);
        for (WireMockServer other : new WireMockServer[] {Backends.INTAKE, Backends.VERIFICATION, Backends.APPROVAL,
                Backends.NOTIFICATION}) {
            if (other != owner) {
                other.verify(0, anyRequestedFor(anyUrl()));
            }
        }
    }

    @Test
    void theBrowsersAddressReachesTheServiceForItsAudit() throws Exception {
        Backends.APPROVAL.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        // the service hears the address the portal saw, not a forwarded-for list the client wrote itself
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/tasks/t-1/complete")).header("X-Forwarded-For", "203.0.113.9")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"decision\":\"APPROVE\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        Backends.APPROVAL.verify(postRequestedFor(urlEqualTo("/api/v1/tasks/t-1/complete"))
                .withHeader("X-Forwarded-For", equalTo("127.0.0.1")));
    }

    @Test
    void acceptedSubmissionKeepsStatusLocationAndBody() throws Exception {
        Backends.INTAKE.stubFor(post("/api/v1/requests").willReturn(aResponse().withStatus(202)
                .withHeader("Location", "/api/v1/requests/SKU-7K3P9Q")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"requestId\":\"r-1\",\"trackingCode\":\"SKU-7K3P9Q\"}")));
        String json = "{\"letterType\":\"surat-keterangan-usaha\",\"villageCode\":\"3309012004\","
                + "\"applicant\":{\"nik\":\"3309014107900001\",\"name\":\"Siti Aminah\"},\"data\":{\"namaUsaha\":\"Warung Bu Siti\"}}";

        HttpResponse<String> response = send("POST", "/api/v1/requests", json);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/requests/SKU-7K3P9Q");
        assertThat(response.body()).isEqualTo("{\"requestId\":\"r-1\",\"trackingCode\":\"SKU-7K3P9Q\"}");
        Backends.INTAKE.verify(postRequestedFor(urlEqualTo("/api/v1/requests"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson(json)));
    }

    @Test
    void problemDetailsFromAServiceAreRelayedUnchanged() throws Exception {
        String problem = "{\"type\":\"https://desaflow.id/problems/invalid-input\",\"title\":\"Isian tidak valid\","
                + "\"status\":400,\"errors\":[{\"field\":\"applicant.nik\",\"message\":\"NIK harus 16 angka\"}]}";
        Backends.INTAKE.stubFor(post("/api/v1/requests").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json").withBody(problem)));

        HttpResponse<String> response = send("POST", "/api/v1/requests", "{}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).isEqualTo(problem);
    }

    @Test
    void serviceErrorsAndRedirectsAreRelayedNotFollowedOrRewritten() throws Exception {
        Backends.APPROVAL.stubFor(get("/api/v1/letters/L-1/pdf").willReturn(aResponse().withStatus(303)
                .withHeader("Location", "http://files.example/letter.pdf")));
        Backends.APPROVAL.stubFor(get("/api/v1/tasks/t-9").willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":500}")));

        HttpResponse<String> redirect = send("GET", "/api/v1/letters/L-1/pdf", null);
        HttpResponse<String> failed = send("GET", "/api/v1/tasks/t-9", null);

        assertThat(redirect.statusCode()).isEqualTo(303);
        assertThat(redirect.headers().firstValue("Location")).hasValue("http://files.example/letter.pdf");
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.body()).isEqualTo("{\"status\":500}");
    }

    @Test
    void aServiceThatDropsTheConnectionIsAnswered503ProblemInIndonesian() throws Exception {
        Backends.VERIFICATION.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        HttpResponse<String> response = send("GET", "/api/v1/verifications/abc", null);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":503")
                .contains("Layanan sedang tidak tersedia, silakan coba lagi");
    }

    @Test
    void aServiceThatIsTooSlowIsAnswered504Problem() throws Exception {
        Backends.NOTIFICATION.stubFor(get("/api/v1/notifications").willReturn(aResponse().withStatus(200)
                .withFixedDelay(4000)));

        HttpResponse<String> response = send("GET", "/api/v1/notifications", null);

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("Layanan sedang tidak tersedia, silakan coba lagi");
    }

    @Test
    void unknownApiPathIs404ProblemAndReachesNoService() throws Exception {
        HttpResponse<String> response = send("POST", "/api/v2/requests", "{}");
        HttpResponse<String> unrouted = send("GET", "/api/v1/residents/3309014107900001", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":404").contains("tidak dikenal");
        assertThat(unrouted.statusCode()).isEqualTo(404);
        for (WireMockServer backend : new WireMockServer[] {Backends.INTAKE, Backends.VERIFICATION,
                Backends.APPROVAL, Backends.NOTIFICATION}) {
            backend.verify(0, anyRequestedFor(anyUrl()));
        }
    }

    @Test
    void healthReadinessAndPrometheusAreExposed() throws Exception {
        assertThat(send("GET", "/actuator/health/readiness", null).body()).contains("\"status\":\"UP\"");
        HttpResponse<String> prometheus = send("GET", "/actuator/prometheus", null);
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("jvm_memory_used_bytes");
    }

    private HttpResponse<String> send(String method, String pathAndQuery, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .header("X-DesaFlow-User", "siti")
                .header("X-DesaFlow-Channel", "COUNTER")
                .header("Accept-Language", "id-ID")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
