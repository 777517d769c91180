package id.desaflow.portal.tracking;

import id.desaflow.portal.Backends;
import id.desaflow.portal.Pages;
import id.desaflow.portal.PortalTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class TrackingPageTest extends PortalTest {
    static final String DONE = """
            {"requestId":"0b7e","trackingCode":"SKU-7K3P9Q","status":"SELESAI","statusLabel":"Selesai",
             "letterType":"surat-keterangan-usaha","letterLabel":"Surat Keterangan Usaha",
             "letterTypeLabel":"Surat Keterangan Usaha","letterTypeLabelEn":"Business Certificate",
             "villageCode":"3309012004","channel":"ONLINE","revision":0,
             "submittedAt":"2025-08-03T02:15:00Z","updatedAt":"2025-08-04T07:40:00Z",
             "letterNumber":"500/045/3309012004/VIII/2025","letterRevoked":false,"revisionProblems":[],
             "revisionComment":null,"rejectionReason":null,
             "timeline":[
              {"at":"2025-08-03T02:15:00Z","code":"DIAJUKAN","label":"Permohonan diajukan","text":"Permohonan diajukan","detail":null},
              {"at":"2025-08-03T02:16:00Z","code":"TERVERIFIKASI","label":"Data sesuai data kependudukan","text":"Data sesuai data kependudukan","detail":"Dusun Bulu"},
              {"at":"2025-08-04T07:40:00Z","code":"SURAT_TERBIT","label":"Surat ditandatangani Kepala Desa","text":"Surat ditandatangani Kepala Desa","detail":"Nomor 500/045/3309012004/VIII/2025"}
             ]}""";

    @Test
    void aFinishedRequestShowsBadgeTimelineLetterNumberAndTheDownloadButNoCancel() throws Exception {
        stub("SKU-7K3P9Q", 200, DONE);

        Document page = Pages.html(mvc.perform(get("/lacak/SKU-7K3P9Q")).andExpect(status().isOk()));

        assertThat(page.select("#status-badge.tone-done").text()).isEqualTo("Selesai");
        assertThat(page.select("#letter-number").text()).isEqualTo("500/045/3309012004/VIII/2025");
        assertThat(page.select(".timeline li strong").eachText()).containsExactly("Permohonan diajukan",
                "Data sesuai data kependudukan", "Surat ditandatangani Kepala Desa");
        assertThat(page.select(".timeline time").first().text()).isEqualTo("3 Agu 2025 09.15 WIB");
        assertThat(page.select("#unduh-surat").attr("href")).isEqualTo("/lacak/SKU-7K3P9Q/surat");
        assertThat(page.select("#batalkan")).as("a signed letter cannot be cancelled").isEmpty();
        assertThat(page.select("svg.qr")).as("the QR is for the moment of submission").isEmpty();
    }

    @Test
    void freshSubmissionShowsTheCodeAndAQrCodeOfTheTrackingPage() throws Exception {
        stub("SKU-7K3P9Q", 200, """
                {"trackingCode":"SKU-7K3P9Q","status":"DIAJUKAN","statusLabel":"Diajukan",
                 "letterType":"surat-keterangan-usaha","letterTypeLabel":"Surat Keterangan Usaha",
                 "submittedAt":"2025-08-03T02:15:00Z",
                 "timeline":[{"at":"2025-08-03T02:15:00Z","code":"DIAJUKAN","label":"Permohonan diajukan"}]}""");

        Document page = Pages.html(mvc.perform(get("/lacak/SKU-7K3P9Q").param("baru", "1")).andExpect(status().isOk()));

        assertThat(page.select("h1").text()).isEqualTo("Permohonan Anda sudah kami terima");
        assertThat(page.select("#kode-lacak").text()).isEqualTo("SKU-7K3P9Q");
        assertThat(page.select("svg.qr[role=img]").attr("aria-label"))
                .isEqualTo("Kode QR menuju halaman lacak SKU-7K3P9Q");
        assertThat(page.select("svg.qr path").attr("d")).startsWith("M4 4h7v1h-7z");
        assertThat(page.select("#status-badge.tone-info").text()).isEqualTo("Diajukan");
        assertThat(page.select("#batalkan").attr("href")).isEqualTo("/lacak/SKU-7K3P9Q/batalkan");
        assertThat(page.select(".timeline li strong").text()).isEqualTo("Permohonan diajukan");
        assertThat(page.select("#letter-number")).isEmpty();
    }

    @Test
    void needsRevisionShowsWhatToFixAndTheCorrectionLinkAndEnglishUsesTheBundleAndTheEnglishLabel() throws Exception {
        stub("SKU-REV1", 200, """
                {"trackingCode":"SKU-REV1","status":"PERLU_PERBAIKAN","statusLabel":"Perlu perbaikan",
                 "letterType":"surat-keterangan-usaha","letterTypeLabel":"Surat Keterangan Usaha",
                 "letterTypeLabelEn":"Business Certificate",
                 "revisionComment":"Alamat usaha belum lengkap, sebutkan RT/RW",
                 "revisionProblems":[{"field":"lampiran-wajib","message":"Dokumen wajib belum ada: KTP"}],"timeline":[]}""");

        Document id = Pages.html(mvc.perform(get("/lacak/SKU-REV1")));
        assertThat(id.select("#perlu-perbaikan li").text()).isEqualTo("Dokumen wajib belum ada: KTP");
        assertThat(id.select("#perbaiki").attr("href")).isEqualTo("/lacak/SKU-REV1/perbaiki");

        Document en = Pages.html(mvc.perform(get("/lacak/SKU-REV1").param("lang", "en")));
        assertThat(en.select("#status-badge.tone-action").text()).isEqualTo("Needs revision");
        assertThat(en.select("main").text()).contains("Alamat usaha belum lengkap, sebutkan RT/RW")
                .contains("No history yet.").contains("Business Certificate");
    }

    @Test
    void aRevokedLetterIsSaidSoAndNotOfferedForDownload() throws Exception {
        stub("SKU-7K3P9Q", 200, DONE.replace("\"letterRevoked\":false", "\"letterRevoked\":true"));
        Document page = Pages.html(mvc.perform(get("/lacak/SKU-7K3P9Q")));
        assertThat(page.select("#surat-selesai").text()).contains("telah dicabut");
        assertThat(page.select("#unduh-surat")).isEmpty();
    }

    @Test
    void anonymousTrackingShowsNoPersonalDataEvenIfTheServiceSentSome() throws Exception {
        stub("SKU-7K3P9Q", 200, DONE.replace("\"villageCode\"",
                "\"applicant\":{\"nik\":\"3309014107900001\",\"name\":\"Siti Aminah\"},\"villageCode\""));
        String html = mvc.perform(get("/lacak/SKU-7K3P9Q")).andReturn().getResponse().getContentAsString();
        assertThat(html).doesNotContain("3309014107900001").doesNotContain("Siti Aminah");
    }

    @Test
    void unknownTrackingCodeIsAFriendlyNotFoundPage() throws Exception {
        stub("SKU-XXXXXX", 404, "{\"status\":404,\"title\":\"Tidak ditemukan\"}");

        Document page = Pages.html(mvc.perform(get("/lacak/SKU-XXXXXX")).andExpect(status().isNotFound()));

        assertThat(page.select("h1").text()).isEqualTo("Permohonan tidak ditemukan");
        assertThat(page.select("main").text()).contains("SKU-XXXXXX");
        assertThat(page.select("input[name=kode]").val()).isEqualTo("SKU-XXXXXX");
    }

    @Test
    void trackFormRedirectsToTheRequestsOwnPage() throws Exception {
        mvc.perform(get("/lacak").param("kode", "  sku-7k3p9q ")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/lacak/SKU-7K3P9Q"));
        Document form = Pages.html(mvc.perform(get("/lacak")).andExpect(status().isOk()));
        assertThat(form.select("label[for=kode]").text()).isEqualTo("Kode lacak");
    }

    static void stub(String code, int status, String body) {
        Backends.INTAKE.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/api/v1/requests/" + code)
                .willReturn(aResponse().withStatus(status)
                        .withHeader("Content-Type", status == 200 ? "application/json" : "application/problem+json")
                        .withBody(body)));
    }
}
