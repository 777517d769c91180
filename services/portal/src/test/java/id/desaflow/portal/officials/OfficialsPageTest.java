package id.desaflow.portal.officials;

import id.desaflow.portal.Backends;
import id.desaflow.portal.PortalTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class OfficialsPageTest extends PortalTest {
    private static final String TASKS = """
            [{"id":"t-41","name":"Periksa permohonan","role":"kasi-pelayanan","requestId":"0b7e",
              "trackingCode":"SKU-7K3P9Q","letterType":"surat-keterangan-usaha","applicantName":"Siti Aminah",
              "createdAt":"2025-08-03T02:16:00Z","dueAt":"2025-08-05T02:16:00Z","assignee":null}]""";

    @BeforeEach
    void tasks() {
        Backends.APPROVAL.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                urlEqualTo("/api/v1/tasks?group=desa%3A3309012004%3Akasi-pelayanan"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(TASKS)));
    }

    @Test
    void roleChooserAndSignInNoteWithoutARole() throws Exception {
        String html = mvc.perform(get("/petugas")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("belum ada proses masuk").contains("<option value=\"kades\">Kepala Desa</option>")
                .doesNotContain("Periksa permohonan");
        Backends.APPROVAL.verify(0, anyRequestedFor(urlPathMatching(".*")));
    }

    @Test
    void listsTheGroupsTasksWithTheThreeDecisions() throws Exception {
        String html = mvc.perform(get("/petugas").param("peran", "kasi-pelayanan")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("Tugas untuk Kasi Pelayanan").contains("Periksa permohonan")
                .contains("Siti Aminah").contains("href=\"/lacak/SKU-7K3P9Q\"")
                .contains("action=\"/petugas/tugas/t-41\"")
                .contains("value=\"APPROVE\">Setujui</button>").contains("value=\"REVISE\"")
                .contains("value=\"REJECT\"").contains("<label for=\"komentar-t-41\">");
        assertThat(html.length()).isLessThan(MAX_PAGE_BYTES);
    }

    @Test
    void approvingClaimsThenCompletesAndRedirects() throws Exception {
        stubDecisionEndpoints();

        mvc.perform(post("/petugas/tugas/t-41").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("peran", "kasi-pelayanan").param("decision", "APPROVE").param("comment", ""))
                .andExpect(status().isSeeOther())
                .andExpect(redirectedUrl("/petugas?peran=kasi-pelayanan&hasil=APPROVE"));

        Backends.APPROVAL.verify(postRequestedFor(urlEqualTo("/api/v1/tasks/t-41/claim"))
                .withHeader("X-DesaFlow-User", equalTo("demo")));
        Backends.APPROVAL.verify(postRequestedFor(urlEqualTo("/api/v1/tasks/t-41/complete"))
                .withHeader("X-DesaFlow-User", equalTo("demo"))
                .withRequestBody(equalToJson("{\"decision\":\"APPROVE\"}")));
        var calls = Backends.APPROVAL.getAllServeEvents();
        assertThat(calls.get(calls.size() - 1).getRequest().getUrl()).isEqualTo("/api/v1/tasks/t-41/claim");

        String after = mvc.perform(get("/petugas").param("peran", "kasi-pelayanan").param("hasil", "APPROVE"))
                .andReturn().getResponse().getContentAsString();
        assertThat(after).contains("Tugas disetujui.");
    }

    @Test
    void revisingSendsTheComment() throws Exception {
        stubDecisionEndpoints();

        mvc.perform(post("/petugas/tugas/t-41").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("peran", "kasi-pelayanan").param("decision", "REVISE")
                        .param("comment", " Lampirkan foto usaha "))
                .andExpect(status().isSeeOther());

        Backends.APPROVAL.verify(postRequestedFor(urlEqualTo("/api/v1/tasks/t-41/complete"))
                .withRequestBody(equalToJson("{\"decision\":\"REVISE\",\"comment\":\"Lampirkan foto usaha\"}")));
    }

    @Test
    void rejectingWithoutACommentIsAFieldErrorAndCallsNothing() throws Exception {
        String html = mvc.perform(post("/petugas/tugas/t-41").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("peran", "kasi-pelayanan").param("decision", "REJECT").param("comment", "  "))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("<p class=\"error\" id=\"komentar-t-41-err\">Catatan wajib diisi")
                .contains("aria-describedby=\"komentar-t-41-err\"");
        Backends.APPROVAL.verify(0, postRequestedFor(urlPathMatching(".*")));
    }

    @Test
    void aTaskTakenByAnotherOfficialShowsTheServicesReason() throws Exception {
        Backends.APPROVAL.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/api/v1/tasks/t-41/claim")
                .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":409,\"title\":\"Konflik\",\"detail\":\"Tugas sudah diambil oleh budi\"}")));

        String html = mvc.perform(post("/petugas/tugas/t-41").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("peran", "kasi-pelayanan").param("decision", "APPROVE"))
                .andExpect(status().isConflict())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("Tugas sudah diambil oleh budi");
        Backends.APPROVAL.verify(0, postRequestedFor(urlEqualTo("/api/v1/tasks/t-41/complete")));
    }

    private static void stubDecisionEndpoints() {
        Backends.APPROVAL.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/api/v1/tasks/t-41/claim")
                .willReturn(aResponse().withStatus(204)));
        Backends.APPROVAL.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/api/v1/tasks/t-41/complete")
                .willReturn(aResponse().withStatus(204)));
    }
}
