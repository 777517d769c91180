package id.desaflow.portal.tracking;

import id.desaflow.portal.Backends;
import id.desaflow.portal.PortalTest;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class TrackingPageTest extends PortalTest {
    private static final String DONE = """
            {"trackingCode":"SKU-7K3P9Q","status":"SELESAI","statusLabel":"Selesai",
             "letterType":"surat-keterangan-usaha","letterTypeLabel":"Surat Keterangan Usaha",
             "submittedAt":"2025-08-03T02:15:00Z","updatedAt":"2025-08-04T07:40:00Z",
             "letterNumber":"500/045/3309012004/VIII/2025","revisionComment":null,"rejectionReason":null,
             "timeline":[
              {"at":"2025-08-03T02:15:00Z","code":"DIAJUKAN","text":"Permohonan diajukan","detail":null},
              {"at":"2025-08-03T02:16:00Z","code":"TERVERIFIKASI","text":"Data sesuai data kependudukan","detail":"Dusun Bulu"},
              {"at":"2025-08-04T07:40:00Z","code":"SURAT_TERBIT","text":"Surat ditandatangani Kepala Desa","detail":"Nomor 500/045/3309012004/VIII/2025"}
             ]}""";

    @Test
    void statusPageShowsBadgeTimelineAndLetterNumber() throws Exception {
        stub("SKU-7K3P9Q", 200, DONE);

        String html = mvc.perform(get("/lacak/SKU-7K3P9Q")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("class=\"badge tone-done\"").contains("id=\"status-badge\">Selesai</strong>")
                .contains("Surat Keterangan Usaha")
                .contains("<dd class=\"code\" id=\"letter-number\">500/045/3309012004/VIII/2025</dd>")
                .contains("Permohonan diajukan").contains("Data sesuai data kependudukan").contains("Dusun Bulu")
                .contains("Surat ditandatangani Kepala Desa")
                .contains("3 Agu 2025 09.15 WIB")
                .doesNotContain("Permohonan Anda sudah kami terima");
        assertThat(html.indexOf("Permohonan diajukan")).isLessThan(html.indexOf("Surat ditandatangani"));
        assertThat(html.length()).isLessThan(MAX_PAGE_BYTES);
    }

    @Test
    void freshSubmissionShowsTheTrackingCodeProminently() throws Exception {
        stub("SKU-7K3P9Q", 200, """
                {"trackingCode":"SKU-7K3P9Q","status":"DIAJUKAN","statusLabel":"Diajukan",
                 "letterType":"surat-keterangan-usaha","submittedAt":"2025-08-03T02:15:00Z",
                 "timeline":[{"at":"2025-08-03T02:15:00Z","code":"DIAJUKAN","text":"Permohonan diajukan"}]}""");

        String html = mvc.perform(get("/lacak/SKU-7K3P9Q").param("baru", "1")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("Permohonan Anda sudah kami terima")
                .contains("<p class=\"tracking-code\">SKU-7K3P9Q</p>")
                .contains("class=\"badge tone-info\"").doesNotContain("letter-number");
    }

    @Test
    void revisionAndRejectionReasonsAreShownAndEnglishUsesTheBundleLabel() throws Exception {
        stub("SKU-REV1", 200, """
                {"status":"PERLU_PERBAIKAN","statusLabel":"Perlu perbaikan","letterType":"surat-keterangan-usaha",
                 "revisionComment":"Alamat usaha belum lengkap, sebutkan RT/RW","timeline":[]}""");

        String html = mvc.perform(get("/lacak/SKU-REV1").param("lang", "en"))
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("tone-action").contains(">Needs revision</strong>")
                .contains("Alamat usaha belum lengkap, sebutkan RT/RW").contains("No history yet.");
    }

    @Test
    void unknownTrackingCodeIsAFriendlyNotFoundPage() throws Exception {
        stub("SKU-XXXXXX", 404, "{\"status\":404,\"title\":\"Tidak ditemukan\"}");

        String html = mvc.perform(get("/lacak/SKU-XXXXXX")).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("Permohonan tidak ditemukan").contains("SKU-XXXXXX")
                .contains("name=\"kode\"").doesNotContain("Exception");
    }

    @Test
    void trackFormRedirectsToTheRequestsOwnPage() throws Exception {
        mvc.perform(get("/lacak").param("kode", "  SKU-7K3P9Q ")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/lacak/SKU-7K3P9Q"));
        String form = mvc.perform(get("/lacak")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(form).contains("<label for=\"kode\">Kode lacak</label>");
    }

    private static void stub(String code, int status, String body) {
        Backends.INTAKE.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/api/v1/requests/" + code)
                .willReturn(aResponse().withStatus(status)
                        .withHeader("Content-Type", status == 200 ? "application/json" : "application/problem+json")
                        .withBody(body)));
    }
}
