package id.desaflow.portal.officials;

import id.desaflow.portal.Backends;
import id.desaflow.portal.Catalogues;
import id.desaflow.portal.Pages;
import id.desaflow.portal.PortalTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The officials' inbox: who acts (one seam), counts, filtered list, claim, the task page and the decisions. */
class OfficialsPageTest extends PortalTest {
    static final String KASI = "demo-beji-kasi-pelayanan";
    static final String TASKS = """
            [{"id":"t-41","name":"Periksa permohonan","role":"kasi-pelayanan",
              "candidateGroup":"desa:3309012004:kasi-pelayanan","requestId":"0b7e","trackingCode":"SKU-7K3P9Q",
              "letterType":"surat-keterangan-usaha","applicantName":"Siti Aminah","dusun":"Bulu",
              "createdAt":"2025-08-03T02:16:00Z","dueAt":"2025-08-05T02:16:00Z","assignee":null,"overdue":true,"new":false},
             {"id":"t-42","name":"Periksa permohonan","role":"kasi-pelayanan","requestId":"0b7f",
              "trackingCode":"DOM-2B4C6D","letterType":"surat-keterangan-domisili","applicantName":"Sri Wahyuni",
              "dusun":"Beji","createdAt":"2099-08-03T02:16:00Z","dueAt":"2099-08-06T02:16:00Z",
              "assignee":"demo-beji-kasi-pelayanan","overdue":false,"new":true}]""";
    static final String DETAIL = """
            {"task":{"id":"t-41","name":"Periksa permohonan","role":"kasi-pelayanan","requestId":"0b7e",
               "trackingCode":"SKU-7K3P9Q","letterType":"surat-keterangan-usaha","applicantName":"Siti Aminah",
               "createdAt":"2025-08-03T02:16:00Z","dueAt":"2025-08-05T02:16:00Z","assignee":null,"overdue":true},
             "request":{"requestId":"0b7e","trackingCode":"SKU-7K3P9Q","letterType":"surat-keterangan-usaha",
               "villageCode":"3309012004","dusun":"Bulu","revision":0,"applicantName":"Siti Aminah",
               "applicantNik":"3309********0001","data":{"namaUsaha":"Warung Bu Siti","alamatUsaha":"Bulu RT 2"}},
             "checks":[{"rule":"nik-terdaftar","passed":true,"message":"NIK terdaftar"},
                       {"rule":"nama-sesuai","passed":false,"message":"Nama di KTP: Siti Aminah"}],
             "history":[{"taskId":"t-40","name":"Pemeriksaan manual","role":"operator","decision":"APPROVE",
               "comment":"KK dilihat di loket","completedBy":"demo-beji-operator","completedAt":"2025-08-03T03:00:00Z"}]}""";

    MockHttpSession session;

    @BeforeEach
    void signedInKasi() throws Exception {
        Catalogues.stub();
        session = Pages.signIn(mvc, KASI);
    }

    @Test
    void withoutAnOfficialThePagesAskWhoIsActingAndReturnAfterwards() throws Exception {
        mvc.perform(get("/petugas/tugas?terlambat=1")).andExpect(status().isSeeOther())
                .andExpect(redirectedUrl("/masuk?lanjut=%2Fpetugas%2Ftugas%3Fterlambat%3D1"));
        Document picker = Pages.html(mvc.perform(get("/masuk").param("lanjut", "/petugas/tugas?terlambat=1")));
        assertThat(picker.select("main").text()).contains("belum ada kata sandi");
        assertThat(picker.select("label[for=p-demo-beji-kades]").text()).isEqualTo("Suyanto — Kepala Desa");
        assertThat(picker.select("label[for=p-demo-beji-kadus-bandung-kidul]").text())
                .isEqualTo("Agus Setiawan — Kepala Dusun Bandung Kidul");
        assertThat(picker.select("input[name=lanjut]").val()).isEqualTo("/petugas/tugas?terlambat=1");

        MockHttpSession fresh = new MockHttpSession();
        mvc.perform(post("/masuk").session(fresh).param("petugas", "demo-beji-sekdes")
                        .param("lanjut", "/petugas/tugas?terlambat=1"))
                .andExpect(status().isSeeOther()).andExpect(redirectedUrl("/petugas/tugas?terlambat=1"));
        mvc.perform(post("/masuk").param("petugas", "demo-beji-sekdes").param("lanjut", "//evil.example/"))
                .andExpect(redirectedUrl("/petugas"));
        mvc.perform(post("/masuk").param("petugas", "siapa-saja")).andExpect(status().isBadRequest());
        Backends.APPROVAL.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void startPageCountsOpenOverdueMineAndNewAsTheOfficialWithTheirGroups() throws Exception {
        Backends.APPROVAL.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/api/v1/tasks/counts")
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"open\":5,\"overdue\":2,\"mine\":1,\"new\":3}")));

        Document page = Pages.html(mvc.perform(get("/petugas").session(session)).andExpect(status().isOk()));

        assertThat(page.select(".official-bar p").text()).isEqualTo("Masuk sebagai Bambang Wijaya (Kasi Pelayanan)");
        assertThat(page.select("#jumlah-terbuka").text()).isEqualTo("5 Tugas terbuka");
        assertThat(page.select("#jumlah-terlambat").text()).isEqualTo("2 Terlambat");
        assertThat(page.select("#jumlah-terlambat").attr("href")).isEqualTo("/petugas/tugas?lingkup=grup&terlambat=1");
        assertThat(page.select("#jumlah-saya").text()).isEqualTo("1 Tugas saya");
        assertThat(page.select("#jumlah-baru").text()).isEqualTo("3 Baru masuk");
        Backends.APPROVAL.verify(getRequestedFor(urlEqualTo("/api/v1/tasks/counts"))
                .withHeader("X-DesaFlow-User", equalTo(KASI))
                .withHeader("X-DesaFlow-Groups", equalTo("desa:3309012004:kasi-pelayanan")));
    }

    @Test
    void aKepalaDusunActsWithTheGroupOfTheirDusun() throws Exception {
        MockHttpSession kadus = Pages.signIn(mvc, "demo-beji-kadus-bandung-kidul");
        Backends.APPROVAL.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/api/v1/tasks/counts")
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{}")));
        mvc.perform(get("/petugas").session(kadus)).andExpect(status().isOk());
        Backends.APPROVAL.verify(getRequestedFor(urlEqualTo("/api/v1/tasks/counts"))
                .withHeader("X-DesaFlow-User", equalTo("demo-beji-kadus-bandung-kidul"))
                .withHeader("X-DesaFlow-Groups",
                        equalTo("desa:3309012004:kadus,desa:3309012004:kadus:bandung-kidul")));
    }

    @Test
    void theListPassesTheFiltersSortsByDueDateAndMarksLateWorkInWords() throws Exception {
        Backends.APPROVAL.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/api/v1/tasks"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(TASKS)));

        Pages.html(mvc.perform(get("/petugas/tugas").session(session).param("lingkup", "saya")
                .param("jenis", "surat-keterangan-usaha").param("dusun", "Bandung Kidul").param("terlambat", "1")
                .param("baru", "1")).andExpect(status().isOk()));
        Backends.APPROVAL.verify(getRequestedFor(urlEqualTo("/api/v1/tasks?scope=mine&group=desa%3A3309012004%3Akasi-pelayanan"
                + "&letterType=surat-keterangan-usaha&dusun=Bandung%20Kidul&overdue=true&new=true"))
                .withHeader("X-DesaFlow-Groups", equalTo("desa:3309012004:kasi-pelayanan")));

        Document page = Pages.html(mvc.perform(get("/petugas/tugas").session(session)
                .param("dusun", "Bandung Kidul")).andExpect(status().isOk()));
        Element late = page.selectFirst("#tugas-t-41");
        assertThat(late.select(".flags").text()).isEqualTo("⚠ TERLAMBAT");
        assertThat(late.hasClass("late")).isTrue();
        assertThat(late.select("dl").text()).contains("SKU-7K3P9Q").contains("Siti Aminah").contains("Bulu")
                .contains("5 Agu 2025 09.16 WIB").contains("Belum diambil");
        assertThat(late.select("form[action=/petugas/tugas/t-41/ambil] button").text()).isEqualTo("Ambil tugas");
        Element mine = page.selectFirst("#tugas-t-42");
        assertThat(mine.select(".flags").text()).isEqualTo("BARU");
        assertThat(mine.select("form[action=/petugas/tugas/t-42/lepas] button").text()).isEqualTo("Lepaskan");
        assertThat(page.select("li.card").eachAttr("id")).containsExactly("tugas-t-41", "tugas-t-42");
        assertThat(page.select("#dusun option[selected]").text()).isEqualTo("Bandung Kidul");
        assertThat(page.select("#terlambat").hasAttr("checked")).isFalse();
    }

    @Test
    void filtersTheServiceMayNotKnowYetAreAppliedByThePortalToo() throws Exception {
        Backends.APPROVAL.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/api/v1/tasks"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(TASKS)));

        Document mine = Pages.html(mvc.perform(get("/petugas/tugas").session(session).param("lingkup", "saya")));
        assertThat(mine.select("li.card").eachAttr("id")).containsExactly("tugas-t-42");
        Document late = Pages.html(mvc.perform(get("/petugas/tugas").session(session).param("terlambat", "1")
                .param("jenis", "surat-keterangan-usaha")));
        assertThat(late.select("li.card").eachAttr("id")).containsExactly("tugas-t-41");
        assertThat(late.select("#jenis option[selected]").text()).isEqualTo("Surat Keterangan Usaha");
        assertThat(late.select("#terlambat").hasAttr("checked")).isTrue();
    }

    @Test
    void withoutACountsEndpointTheStartPageCountsTheGroupsList() throws Exception {
        Backends.APPROVAL.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/api/v1/tasks/counts")
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":404}")));
        Backends.APPROVAL.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/api/v1/tasks"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(TASKS)));

        Document page = Pages.html(mvc.perform(get("/petugas").session(session)).andExpect(status().isOk()));
        assertThat(page.select(".counts strong").eachText()).containsExactly("2", "1", "1", "1");
    }

    @Test
    void claimingAndReleasingGoBackToTheSameFilteredList() throws Exception {
        Backends.APPROVAL.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/api/v1/tasks/t-41/claim")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}")));
        Backends.APPROVAL.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/api/v1/tasks/t-42/unclaim")
                .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":409}")));

        mvc.perform(post("/petugas/tugas/t-41/ambil").session(session).param("kembali", "/petugas/tugas?lingkup=grup&baru=1"))
                .andExpect(status().isSeeOther()).andExpect(redirectedUrl("/petugas/tugas?lingkup=grup&baru=1&hasil=diambil"));
        mvc.perform(post("/petugas/tugas/t-42/lepas").session(session).param("kembali", "https://evil.example/"))
                .andExpect(redirectedUrl("/petugas/tugas?hasil=gagal"));
        Backends.APPROVAL.verify(postRequestedFor(urlEqualTo("/api/v1/tasks/t-41/claim"))
                .withHeader("X-DesaFlow-User", equalTo(KASI)));

        Backends.APPROVAL.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/api/v1/tasks"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("[]")));
        Document page = Pages.html(mvc.perform(get("/petugas/tugas").session(session).param("hasil", "gagal")));
        assertThat(page.select("#hasil[role=status]").text()).contains("mungkin sudah diambil petugas lain");
        assertThat(page.select("main").text()).contains("Tidak ada tugas yang menunggu.");
    }

    @Test
    void theTaskPageShowsDataWithCatalogueLabelsDocumentsThroughThePortalChecksAndHistory() throws Exception {
        stubDetail();

        Document page = Pages.html(mvc.perform(get("/petugas/tugas/t-41").session(session)
                .param("kembali", "/petugas/tugas?lingkup=grup")).andExpect(status().isOk()));

        assertThat(page.select("h1").text()).isEqualTo("Periksa permohonan");
        assertThat(page.select(".flags").text()).contains("TERLAMBAT");
        assertThat(page.select("#s-permohonan + dl, section[aria-labelledby=s-permohonan] dl").first().text())
                .contains("SKU-7K3P9Q").contains("Siti Aminah").contains("3309********0001").contains("Bulu")
                .contains("Daring (oleh warga)");
        assertThat(page.select("section[aria-labelledby=s-permohonan] dl").get(1).text())
                .isEqualTo("Nama usaha Warung Bu Siti Alamat usaha Bulu RT 2");
        assertThat(page.select("section[aria-labelledby=s-dokumen] a").attr("href"))
                .isEqualTo("/petugas/permohonan/SKU-7K3P9Q/lampiran/a-1");
        assertThat(page.select("section[aria-labelledby=s-dokumen]").text()).contains("Foto KTP")
                .contains("Kartu Keluarga · Dilihat di kantor (kertas)");
        assertThat(page.select(".checks li").eachText()).containsExactly(
                "✓ Sesuai: NIK terdaftar di data penduduk desa NIK terdaftar",
                "✗ Tidak sesuai: Nama sesuai data penduduk Nama di KTP: Siti Aminah");
        assertThat(page.select("section[aria-labelledby=s-keputusan]").text()).contains("Pemeriksaan manual")
                .contains("Disetujui — demo-beji-operator").contains("“KK dilihat di loket”");
        assertThat(page.select("section[aria-labelledby=s-riwayat]").text()).contains("Permohonan diajukan");
        assertThat(page.select("#setujui").text()).isEqualTo("Setujui");
        assertThat(page.select("label[for=komentar]").text()).isEqualTo("Catatan untuk pemohon");
        assertThat(page.select("input[name=kembali]").first().val()).isEqualTo("/petugas/tugas?lingkup=grup");
    }

    @Test
    void whenApprovalDoesNotPassOnTheChecksTheyComeFromVerification() throws Exception {
        stubDetail();
        Backends.APPROVAL.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/api/v1/tasks/t-41")
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(DETAIL.replaceAll("(?s)\"checks\":\\[.*?],\\s*\"history\"", "\"history\""))));
        Backends.VERIFICATION.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/api/v1/verifications/0b7e")
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"requestId":"0b7e","outcome":"VERIFIED","checks":[{"rule":"masih-hidup","passed":true,
                          "message":"Tercatat hidup","outcome":"VERIFIED","kept":true}]}""")));

        Document page = Pages.html(mvc.perform(get("/petugas/tugas/t-41").session(session)));

        assertThat(page.select(".checks li").eachText())
                .containsExactly("✓ Sesuai: Pemohon tercatat masih hidup Tercatat hidup");
        Backends.VERIFICATION.verify(getRequestedFor(urlEqualTo("/api/v1/verifications/0b7e"))
                .withHeader("X-DesaFlow-User", equalTo(KASI)));
    }

    @Test
    void approvingInOneClickClaimsThenCompletesAndReturnsToTheList() throws Exception {
        stubDetail();
        stubDecisionEndpoints();

        mvc.perform(post("/petugas/tugas/t-41/keputusan").session(session).param("decision", "APPROVE")
                        .param("comment", "").param("kembali", "/petugas/tugas?lingkup=grup"))
                .andExpect(status().isSeeOther())
                .andExpect(redirectedUrl("/petugas/tugas?lingkup=grup&hasil=APPROVE"));

        Backends.APPROVAL.verify(postRequestedFor(urlEqualTo("/api/v1/tasks/t-41/claim"))
                .withHeader("X-DesaFlow-User", equalTo(KASI)));
        Backends.APPROVAL.verify(postRequestedFor(urlEqualTo("/api/v1/tasks/t-41/complete"))
                .withHeader("X-DesaFlow-User", equalTo(KASI))
                .withHeader("X-DesaFlow-Groups", equalTo("desa:3309012004:kasi-pelayanan"))
                .withRequestBody(equalToJson("{\"decision\":\"APPROVE\"}")));
        var calls = Backends.APPROVAL.getAllServeEvents(); // newest first
        assertThat(calls.get(0).getRequest().getUrl()).isEqualTo("/api/v1/tasks/t-41/complete");
        assertThat(calls.get(1).getRequest().getUrl()).isEqualTo("/api/v1/tasks/t-41/claim");

        Backends.APPROVAL.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/api/v1/tasks"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("[]")));
        Document list = Pages.html(mvc.perform(get("/petugas/tugas").session(session).param("hasil", "APPROVE")));
        assertThat(list.select("#hasil").text()).isEqualTo("Tugas disetujui dan diteruskan.");
    }

    @Test
    void askingForRevisionSendsTheNoteAndATaskAlreadyMineIsNotClaimedAgain() throws Exception {
        Backends.APPROVAL.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/api/v1/tasks/t-41")
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(DETAIL.replace("\"assignee\":null", "\"assignee\":\"" + KASI + "\""))));
        stubDecisionEndpoints();

        mvc.perform(post("/petugas/tugas/t-41/keputusan").session(session).param("decision", "REVISE")
                        .param("comment", " Lampirkan foto usaha "))
                .andExpect(status().isSeeOther()).andExpect(redirectedUrl("/petugas/tugas?hasil=REVISE"));

        Backends.APPROVAL.verify(0, postRequestedFor(urlEqualTo("/api/v1/tasks/t-41/claim")));
        Backends.APPROVAL.verify(postRequestedFor(urlEqualTo("/api/v1/tasks/t-41/complete"))
                .withRequestBody(equalToJson("{\"decision\":\"REVISE\",\"comment\":\"Lampirkan foto usaha\"}")));
    }

    @Test
    void rejectingWithoutANoteIsRefusedOnThePageAndNothingIsDecided() throws Exception {
        stubDetail();

        Document page = Pages.html(mvc.perform(post("/petugas/tugas/t-41/keputusan").session(session)
                .param("decision", "REJECT").param("comment", "  ")).andExpect(status().isBadRequest()));

        assertThat(page.select("#galat[role=alert]").text()).startsWith("Catatan wajib diisi");
        assertThat(page.select("#komentar").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("#komentar").attr("aria-describedby")).isEqualTo("galat komentar-hint");
        Backends.APPROVAL.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void aTaskTakenByAnotherOfficialShowsTheServicesReason() throws Exception {
        stubDetail();
        Backends.APPROVAL.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/api/v1/tasks/t-41/claim")
                .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":409,\"title\":\"Konflik\",\"detail\":\"Tugas sudah diambil oleh budi\"}")));

        Document page = Pages.html(mvc.perform(post("/petugas/tugas/t-41/keputusan").session(session)
                .param("decision", "APPROVE")).andExpect(status().isConflict()));

        assertThat(page.select("#galat").text()).isEqualTo("Tugas sudah diambil oleh budi");
        Backends.APPROVAL.verify(0, postRequestedFor(urlEqualTo("/api/v1/tasks/t-41/complete")));
    }

    @Test
    void documentsAreServedThroughThePortalAsTheOfficialNeverSniffed() throws Exception {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9};
        Backends.INTAKE.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        "/api/v1/requests/SKU-7K3P9Q/attachments/a-1")
                .willReturn(aResponse().withHeader("Content-Type", "image/jpeg")
                        .withHeader("Content-Disposition", "attachment; filename=\"SKU-7K3P9Q-ktp.jpg\"").withBody(jpeg)));

        byte[] body = mvc.perform(get("/petugas/permohonan/SKU-7K3P9Q/lampiran/a-1").session(session))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "image/jpeg"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"SKU-7K3P9Q-ktp.jpg\""))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(body).isEqualTo(jpeg);
        Backends.INTAKE.verify(getRequestedFor(urlEqualTo("/api/v1/requests/SKU-7K3P9Q/attachments/a-1"))
                .withHeader("X-DesaFlow-User", equalTo(KASI))
                .withHeader("X-DesaFlow-Groups", equalTo("desa:3309012004:kasi-pelayanan")));
        mvc.perform(get("/petugas/permohonan/SKU-7K3P9Q/lampiran/a-1")).andExpect(status().isSeeOther());
    }

    private static void stubDetail() {
        Backends.APPROVAL.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/api/v1/tasks/t-41")
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(DETAIL)));
        Backends.INTAKE.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        "/api/v1/requests/SKU-7K3P9Q/details")
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"trackingCode":"SKU-7K3P9Q","status":"MENUNGGU_PERSETUJUAN","channel":"ONLINE",
                         "applicant":{"nik":"3309********0001","name":"Siti Aminah"},
                         "attachments":[{"id":"a-1","kind":"ktp","label":"Foto KTP","contentType":"image/jpeg",
                           "sizeBytes":20480,"href":"/api/v1/requests/SKU-7K3P9Q/attachments/a-1"}],
                         "attachmentsOnPaper":[{"kind":"kk","label":"Kartu Keluarga"}],
                         "timeline":[{"at":"2025-08-03T02:15:00Z","code":"DIAJUKAN","label":"Permohonan diajukan",
                           "actor":"nik:3309********0001"}]}""")));
    }

    private static void stubDecisionEndpoints() {
        Backends.APPROVAL.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/api/v1/tasks/t-41/claim")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}")));
        Backends.APPROVAL.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/api/v1/tasks/t-41/complete")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}")));
    }
}
