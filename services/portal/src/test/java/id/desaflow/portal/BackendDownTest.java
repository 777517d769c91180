package id.desaflow.portal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every service is down (nothing listens on their ports): friendly 503s, never a stack trace or a 500. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.structured.format.console=")
@AutoConfigureMockMvc
@Import(CsrfInEveryRequest.class)
class BackendDownTest {
    @Autowired
    MockMvc mvc;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void deadServices(DynamicPropertyRegistry registry) throws IOException {
        String dead = "http://127.0.0.1:" + freePort();
        for (String service : new String[] {"intake", "verification", "approval", "notification"}) {
            registry.add("desaflow.services." + service, () -> dead);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void apiCallsAreAnswered503ProblemJson() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/requests"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("Layanan sedang tidak tersedia, silakan coba lagi")
                .contains("\"type\":\"https://desaflow.id/problems/service-unavailable\"");
    }

    @Test
    void everyPageThatNeedsAServiceShowsTheFriendlyPage() throws Exception {
        for (String page : new String[] {"/", "/surat/surat-keterangan-usaha/ajukan", "/lacak/SKU-7K3P9Q",
                "/verifikasi/V7K3P9QX"}) {
            String html = mvc.perform(get(page)).andExpect(status().isServiceUnavailable())
                    .andReturn().getResponse().getContentAsString();
            assertThat(html).as(page).contains("Layanan sedang tidak tersedia").contains("Kembali ke beranda")
                    .doesNotContain("Exception").doesNotContain("at id.desaflow");
        }
    }

    @Test
    void officialsPagesThatNeedAServiceShowTheFriendlyPageToo() throws Exception {
        var session = Pages.signIn(mvc, "demo-beji-kades");
        mvc.perform(post("/loket").session(session).param("q", "sri")).andExpect(status().isSeeOther());
        for (String page : new String[] {"/petugas", "/petugas/tugas", "/petugas/tugas/t-1", "/loket"}) {
            String html = mvc.perform(get(page).session(session)).andExpect(status().isServiceUnavailable())
                    .andReturn().getResponse().getContentAsString();
            assertThat(html).as(page).contains("Layanan sedang tidak tersedia").doesNotContain("Exception");
        }
    }

    @Test
    void pagesWithoutServicesStillWork() throws Exception {
        mvc.perform(get("/lacak")).andExpect(status().isOk());
        mvc.perform(get("/masuk")).andExpect(status().isOk());
        mvc.perform(get("/verifikasi")).andExpect(status().isOk());
    }

    @Test
    void unknownPageIsAFriendlyHtml404OverRealHttp() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/tidak-ada")).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Halaman tidak ditemukan").contains("Desa Beji");
    }
}
