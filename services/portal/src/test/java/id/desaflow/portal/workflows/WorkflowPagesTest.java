package id.desaflow.portal.workflows;

import id.desaflow.portal.Backends;
import id.desaflow.portal.Pages;
import id.desaflow.portal.PortalTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Administrators redesign approval chains (issue 8): the pages and the editor's relay, with WireMock as the approval
 * service's workflow API. Each relay must reach the service as the signed-in official, with the body unchanged.
 */
class WorkflowPagesTest extends PortalTest {
    static final String BEJI = "3309012004";
    static final String SKU = "surat-keterangan-usaha";
    static final String WORKFLOWS = """
            [{"key":"surat-keterangan-usaha","name":"Surat Keterangan Usaha",
              "versions":[
                {"version":1,"definitionId":"sku:1:a","deployedAt":"2026-11-01T01:00:00Z","deployedBy":"system","village":null,"running":5},
                {"version":2,"definitionId":"sku:2:b","deployedAt":"2026-11-20T02:00:00Z","deployedBy":"demo-andong-admin","village":null,"running":3},
                {"version":3,"definitionId":"sku:3:c","deployedAt":"2026-11-22T03:00:00Z","deployedBy":"demo-beji-admin","village":"3309012004","running":1}],
              "current":{"all":2,"villages":{"3309012004":3}}},
             {"key":"surat-keterangan-domisili","name":"Surat Keterangan Domisili",
              "versions":[{"version":1,"definitionId":"dom:1:d","deployedAt":"2026-11-01T01:00:00Z","deployedBy":"system","village":null,"running":0}],
              "current":{"all":1,"villages":{}}}]""";
    static final String BPMN_V3 = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x">
              <bpmn:process id="surat-keterangan-usaha" isExecutable="true">
                <bpmn:startEvent id="mulai"/>
                <bpmn:userTask id="periksa-kasi" name="Pemeriksaan Kasi Pelayanan"/>
                <bpmn:userTask id="paraf-sekdes" name="Paraf Sekretaris Desa"/>
                <bpmn:userTask id="tanda-tangan-kades" name="Tanda tangan Kepala Desa"/>
                <bpmn:endEvent id="selesai"/>
              </bpmn:process>
            </bpmn:definitions>""";

    /**
     * The editor page passes every check of {@link Pages} but one: it loads the portal's own bundle, the one script
     * it may have (deferred, from /editor/ on the same origin).
     */
    private static Document editorPage(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        Document page = Jsoup.parse(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("script[src]")).extracting(e -> e.attr("src")).containsExactly("/editor/alur-editor.js");
        assertThat(page.select("script[src]").hasAttr("defer")).isTrue();
        page.select("script[src]").remove();
        return Pages.check(page.outerHtml());
    }

    private void workflowsAnswered() {
        Backends.APPROVAL.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/api/v1/workflows"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(WORKFLOWS)));
    }

    private MockHttpSession villageAdmin() throws Exception {
        return Pages.signIn(mvc, "demo-beji-admin");
    }

    private MockHttpSession kecamatanAdmin() throws Exception {
        return Pages.signIn(mvc, "demo-andong-admin");
    }

    @Test
    void theListShowsEveryChainWithItsVersionsWhatIsActiveAndHowManyRequestsRunOnEach() throws Exception {
        workflowsAnswered();

        Document page = Pages.html(mvc.perform(get("/admin/alur").session(villageAdmin())).andExpect(status().isOk()));

        assertThat(page.select("h1").text()).isEqualTo("Alur persetujuan");
        assertThat(page.select("#alur-surat-keterangan-usaha h2").text()).isEqualTo("Surat Keterangan Usaha");
        assertThat(page.select("#alur-surat-keterangan-usaha .aktif-desa").text()).isEqualTo("Versi 3");
        assertThat(page.select("#alur-surat-keterangan-usaha .aktif-semua").text()).isEqualTo("Versi 2");
        assertThat(page.select("#alur-surat-keterangan-usaha .berjalan").text()).isEqualTo("9");
        assertThat(page.select("#alur-surat-keterangan-usaha-v1 .jumlah").text())
                .isEqualTo("5 permohonan berjalan pada versi ini");
        assertThat(page.select("#alur-surat-keterangan-usaha-v3").text()).contains("aktif di desa Anda")
                .contains("oleh demo-beji-admin, untuk desa Anda").doesNotContain("bawaan semua desa");
        // "all villages" is the default of villages without their own choice: said so, not a second "active"
        assertThat(page.select("#alur-surat-keterangan-usaha-v2").text()).contains("bawaan semua desa")
                .contains("untuk semua desa");
        assertThat(page.select("#bantuan-versi").text())
                .contains("Versi bawaan dipakai desa yang belum memilih versinya sendiri");
        assertThat(page.select("#alur-surat-keterangan-domisili .aktif-desa").text()).isEqualTo("Versi 1");
        assertThat(page.select("#alur-surat-keterangan-usaha a.button").attr("href"))
                .isEqualTo("/admin/alur/surat-keterangan-usaha");
        Backends.APPROVAL.verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlEqualTo("/api/v1/workflows")).withHeader("X-DesaFlow-User", equalTo("demo-beji-admin"))
                .withHeader("X-DesaFlow-Groups", equalTo("desa:" + BEJI + ":admin-desa")));
    }

    @Test
    void aRunTheServiceRefusesShowsWhyWithTheFreshPlanAndMovesNothing() throws Exception {
        workflowsAnswered();
        String migrations = "/api/v1/workflows/" + SKU + "/migrations";
        Backends.APPROVAL.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo(migrations))
                .withRequestBody(equalToJson("{\"dryRun\":false}", true, true))
                .willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/problem+json")
                        .withBody("""
                                {"title":"Rencana pemindahan tidak sah","status":422,
                                 "detail":"Tidak ada permohonan yang dipindahkan","unmapped":["Task_Camat"],
                                 "failures":[{"requestId":null,"reason":"Langkah Task_Camat tidak dipetakan"}]}""")));
        Backends.APPROVAL.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo(migrations))
                .withRequestBody(equalToJson("{\"dryRun\":true}", true, true))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"instances":2,"plannedMappings":[],"unmapped":["Task_Camat"],
                         "failures":[{"requestId":null,"reason":"Langkah Task_Camat tidak dipetakan"}]}""")));
        Backends.APPROVAL.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                urlEqualTo("/api/v1/workflows/" + SKU + "/versions/2/bpmn"))
                .willReturn(aResponse().withHeader("Content-Type", "application/xml").withBody(BPMN_V3)));

        Document page = Pages.html(mvc.perform(post("/admin/alur/" + SKU + "/pindah").session(kecamatanAdmin())
                .param("dari", "1").param("ke", "2").param("cakupan", "semua")).andExpect(status().isOk()));

        assertThat(page.select("[role=alert]").text()).contains("Tidak ada permohonan yang dipindahkan");
        assertThat(page.select("#kegagalan").text()).isEqualTo("Rencana: Langkah Task_Camat tidak dipetakan");
        assertThat(page.select("label[for=peta-0]").text()).isEqualTo("Task_Camat");
        assertThat(page.select("#cakupan option[selected]").attr("value")).isEqualTo("semua");
        Backends.APPROVAL.verify(postRequestedFor(urlEqualTo(migrations)).withRequestBody(equalToJson("""
                {"fromVersion":1,"toVersion":2,"mappings":[],"dryRun":false}""")));
    }

    @Test
    void theListSpeaksEnglishWhenAsked() throws Exception {
        workflowsAnswered();
        Document page = Pages.html(mvc.perform(get("/admin/alur").param("lang", "en").session(villageAdmin())));
        assertThat(page.select("h1").text()).isEqualTo("Approval chains");
        assertThat(page.select("#alur-surat-keterangan-usaha .aktif-desa").text()).isEqualTo("Version 3");
    }

    @Test
    void thePortalServesItsOwnBundleGzippedToBrowsersThatAcceptIt() throws Exception {
        assumeFalse(Boolean.getBoolean("skip.editor"), "built with -Dskip.editor=true");
        mvc.perform(get("/editor/alur-editor.js").header("Accept-Encoding", "gzip, deflate"))
                .andExpect(status().isOk()).andExpect(header().string("Content-Encoding", "gzip"));
        mvc.perform(get("/editor/alur-editor.css")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/css"))
                .andExpect(header().doesNotExist("Content-Encoding"));
    }

    @Test
    void anOfficialWhoIsNotAnAdministratorIsRefusedAndTheServiceIsNeverAsked() throws Exception {
        MockHttpSession kasi = Pages.signIn(mvc, "demo-beji-kasi-pelayanan");

        Document page = Pages.html(mvc.perform(get("/admin/alur").session(kasi)).andExpect(status().isForbidden()));
        assertThat(page.select("h1").text()).isEqualTo("Permintaan tidak dapat diproses");
        assertThat(page.select(".alert").text())
                .isEqualTo("Alur persetujuan hanya dapat dikelola admin desa atau admin kecamatan.");
        mvc.perform(get("/admin/alur/" + SKU).session(kasi)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/alur/" + SKU + "/aktif").session(kasi).param("versi", "1"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/alur/" + SKU + "/terapkan").session(kasi).contentType(MediaType.APPLICATION_XML)
                .content(BPMN_V3)).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        Backends.APPROVAL.verify(0, anyRequestedFor(anyUrl()));

        // nobody signed in: "Masuk sebagai" first, then back here
        mvc.perform(get("/admin/alur")).andExpect(redirectedUrl("/masuk?lanjut=%2Fadmin%2Falur"));
    }

    /**
     * The approval-step tools' panel: every control labelled (keyboard and screen-reader users choose the step from a
     * list instead of clicking the diagram), the eight roles by the names villagers use, the texts the script shows.
     */
    @Test
    void theEditorPageOffersTheApprovalStepToolsWithLabelledControls() throws Exception {
        workflowsAnswered();

        Document page = editorPage(mvc.perform(get("/admin/alur/" + SKU).session(villageAdmin()))
                .andExpect(status().isOk()));
        Element panel = page.selectFirst("#alur-langkah");
        assertThat(panel).isNotNull();
        for (String control : List.of("langkah-pilih", "langkah-peran", "langkah-nama", "langkah-hari", "tenggat-hari")) {
            assertThat(page.select("label[for=" + control + "]")).as(control).hasSize(1);
        }
        assertThat(page.select("#langkah-peran option")).extracting(e -> e.attr("value")).containsExactly("kadus", "rt",
                "rw", "kasi-pelayanan", "kasi-pemerintahan", "sekdes", "kades", "operator");
        assertThat(page.select("#langkah-peran option[value=kadus]").text()).isEqualTo("Kepala Dusun");
        assertThat(page.select("#langkah-sisipkan").text()).isEqualTo("Sisipkan langkah persetujuan sebelum ini");
        assertThat(page.select("#langkah-hapus").text()).isEqualTo("Hapus langkah ini");
        assertThat(page.select("#langkah-tukar").text()).isEqualTo("Tukar dengan langkah berikutnya");
        assertThat(page.select("#langkah-urungkan").text()).isEqualTo("Urungkan perubahan terakhir");
        assertThat(page.select("#langkah-tenggat").text()).contains("pengaturan desa untuk peran itu");
        // a step's own deadline: for a new step, and "Ubah tenggat" for the selected one (1-30 working days)
        assertThat(page.select("label[for=langkah-hari]").text()).isEqualTo("Tenggat (hari kerja)");
        assertThat(page.select("#tenggat-hari").attr("max")).isEqualTo("30");
        assertThat(page.select("#tenggat-ubah").text()).isEqualTo("Ubah tenggat");
        assertThat(panel.attr("data-t-deadline-own")).isEqualTo("Tenggat langkah ini: {0} hari kerja.");
        assertThat(panel.attr("data-t-inserted")).contains("{0}", "{1}", "Periksa");
        assertThat(page.select("#langkah-status").attr("role")).isEqualTo("status");
    }

    @Test
    void theEditorPageOpensTheVillagesActiveVersionWithTheBundledScriptAndOffersAllVillagesOnlyToTheKecamatan()
            throws Exception {
        workflowsAnswered();

        Document page = editorPage(mvc.perform(get("/admin/alur/" + SKU).session(villageAdmin()))
                .andExpect(status().isOk()));
        assertThat(page.select("link[rel=stylesheet][href=/editor/alur-editor.css]")).hasSize(1);
        assertThat(page.select("#alur-editor").attr("data-xml"))
                .isEqualTo("/admin/alur/surat-keterangan-usaha/versi/3/bpmn");
        assertThat(page.select("#alur-editor").attr("data-check")).isEqualTo("/admin/alur/surat-keterangan-usaha/periksa");
        assertThat(page.select("#alur-editor").attr("data-deploy"))
                .isEqualTo("/admin/alur/surat-keterangan-usaha/terapkan");
        assertThat(page.select("#alur-editor").attr("data-t-problems")).contains("{0} masalah");
        assertThat(page.select("#alur-periksa").text()).isEqualTo("Periksa");
        assertThat(page.select("#alur-terapkan").text()).isEqualTo("Terapkan");
        assertThat(page.select("input[name=cakupan]")).extracting(e -> e.attr("value")).containsExactly("desa");
        assertThat(page.select(".alur-layar-kecil").text()).contains("layar lebar");
        assertThat(page.select("#versi-3").text()).contains("aktif di desa Anda");
        assertThat(page.select("#versi-berlaku").text())
                .isEqualTo("Permohonan baru di desa Anda saat ini memakai versi 3.");
        assertThat(page.select("#versi-3 button")).isEmpty(); // already active here
        assertThat(page.select("#versi-1 button")).extracting(e -> e.attr("value")).containsExactly("desa");

        Document kecamatan = Jsoup.parse(mvc.perform(get("/admin/alur/" + SKU).param("versi", "1")
                .session(kecamatanAdmin())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(kecamatan.select("#alur-editor").attr("data-xml"))
                .isEqualTo("/admin/alur/surat-keterangan-usaha/versi/1/bpmn");
        assertThat(kecamatan.select("input[name=cakupan]")).extracting(e -> e.attr("value"))
                .containsExactly("desa", "semua");
        assertThat(kecamatan.select("#versi-1 button")).extracting(e -> e.attr("value"))
                .containsExactly("desa", "semua");

        Backends.APPROVAL.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                urlEqualTo("/api/v1/workflows/" + SKU + "/versions/3/bpmn"))
                .willReturn(aResponse().withHeader("Content-Type", "application/xml").withBody(BPMN_V3)));
        mvc.perform(get("/admin/alur/" + SKU + "/versi/3/bpmn").session(villageAdmin())).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_XML))
                .andExpect(content().string(BPMN_V3));

        mvc.perform(get("/admin/alur/tidak-ada").session(villageAdmin())).andExpect(status().isNotFound());
    }

    @Test
    void periksaRelaysTheEditedXmlAndAnswersTheServicesProblems() throws Exception {
        Backends.APPROVAL.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                urlEqualTo("/api/v1/workflows/" + SKU + "/validation")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("""
                        {"problems":[{"elementId":"paraf-sekdes","rule":"candidate-group",
                          "message":"Kelompok petugas wajib diisi"}]}""")));

        mvc.perform(post("/admin/alur/" + SKU + "/periksa").session(villageAdmin())
                .contentType(MediaType.APPLICATION_XML).content(BPMN_V3)).andExpect(status().isOk())
                .andExpect(jsonPath("$.problems[0].elementId").value("paraf-sekdes"))
                .andExpect(jsonPath("$.problems[0].message").value("Kelompok petugas wajib diisi"));

        Backends.APPROVAL.verify(postRequestedFor(urlEqualTo("/api/v1/workflows/" + SKU + "/validation"))
                .withHeader("Content-Type", com.github.tomakehurst.wiremock.client.WireMock.containing("application/xml"))
                .withHeader("X-DesaFlow-User", equalTo("demo-beji-admin")).withRequestBody(equalTo(BPMN_V3)));
    }

    @Test
    void terapkanDeploysForTheVillageOrForAllAndRelaysThe422ProblemsToMarkOnTheDiagram() throws Exception {
        String deployments = "/api/v1/workflows/" + SKU + "/deployments";
        Backends.APPROVAL.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo(deployments))
                .willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/problem+json")
                        .withBody("""
                                {"type":"about:blank","title":"Alur ditolak","status":422,
                                 "problems":[{"elementId":"tanda-tangan-kades","rule":"no-outgoing",
                                   "message":"Langkah ini tidak punya jalan keluar"}]}""")));

        mvc.perform(post("/admin/alur/" + SKU + "/terapkan").param("cakupan", "desa").session(villageAdmin())
                .contentType(MediaType.APPLICATION_XML).content(BPMN_V3)).andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.problems[0].elementId").value("tanda-tangan-kades"))
                .andExpect(jsonPath("$.problems[0].message").value("Langkah ini tidak punya jalan keluar"));
        Backends.APPROVAL.verify(postRequestedFor(urlEqualTo(deployments + "?village=" + BEJI))
                .withHeader("X-DesaFlow-Groups", equalTo("desa:" + BEJI + ":admin-desa"))
                .withRequestBody(equalTo(BPMN_V3)));

        // a village administrator cannot deploy for every village: refused before the service is asked
        Backends.APPROVAL.resetRequests();
        mvc.perform(post("/admin/alur/" + SKU + "/terapkan").param("cakupan", "semua").session(villageAdmin())
                .contentType(MediaType.APPLICATION_XML).content(BPMN_V3)).andExpect(status().isForbidden());
        Backends.APPROVAL.verify(0, anyRequestedFor(anyUrl()));

        Backends.APPROVAL.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo(deployments))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"key\":\"" + SKU + "\",\"version\":4,\"definitionId\":\"sku:4:e\"}")));
        mvc.perform(post("/admin/alur/" + SKU + "/terapkan").param("cakupan", "semua").session(kecamatanAdmin())
                .contentType(MediaType.APPLICATION_XML).content(BPMN_V3)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(4));
        Backends.APPROVAL.verify(postRequestedFor(urlEqualTo(deployments)) // no village: for all
                .withHeader("X-DesaFlow-User", equalTo("demo-andong-admin")).withRequestBody(equalTo(BPMN_V3)));
    }

    @Test
    void jadikanVersiAktifPutsTheVersionForTheVillageOrForAllVillages() throws Exception {
        String current = "/api/v1/workflows/" + SKU + "/current";
        Backends.APPROVAL.stubFor(com.github.tomakehurst.wiremock.client.WireMock.put(urlEqualTo(current))
                .willReturn(aResponse().withStatus(204)));

        mvc.perform(post("/admin/alur/" + SKU + "/aktif").session(villageAdmin()).param("versi", "2")
                .param("cakupan", "desa")).andExpect(redirectedUrl("/admin/alur/" + SKU + "?hasil=aktif"));
        Backends.APPROVAL.verify(putRequestedFor(urlEqualTo(current))
                .withRequestBody(equalToJson("{\"version\":2,\"village\":\"" + BEJI + "\"}"))
                .withHeader("X-DesaFlow-User", equalTo("demo-beji-admin")));

        // "semua" from a village administrator still means their own village
        Backends.APPROVAL.resetRequests();
        mvc.perform(post("/admin/alur/" + SKU + "/aktif").session(villageAdmin()).param("versi", "1")
                .param("cakupan", "semua")).andExpect(status().isSeeOther());
        Backends.APPROVAL.verify(putRequestedFor(urlEqualTo(current))
                .withRequestBody(equalToJson("{\"version\":1,\"village\":\"" + BEJI + "\"}")));

        Backends.APPROVAL.resetRequests();
        mvc.perform(post("/admin/alur/" + SKU + "/aktif").session(kecamatanAdmin()).param("versi", "1")
                .param("cakupan", "semua")).andExpect(status().isSeeOther());
        Backends.APPROVAL.verify(putRequestedFor(urlEqualTo(current)).withRequestBody(equalToJson("{\"version\":1}")));

        workflowsAnswered();
        Document page = editorPage(mvc.perform(get("/admin/alur/" + SKU).param("hasil", "aktif")
                .session(villageAdmin())).andExpect(status().isOk()));
        assertThat(page.select("[role=status].tone-done").text()).startsWith("Versi aktif diubah");
    }

    @Test
    void theMigrationPlanComesFromADryRunWithTheChosenMappingsAndRunningItLeadsToAReportThatRefreshesItself()
            throws Exception {
        workflowsAnswered();
        String migrations = "/api/v1/workflows/" + SKU + "/migrations";
        Backends.APPROVAL.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo(migrations))
                .withRequestBody(equalToJson("{\"dryRun\":true}", true, true))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"instances":3,"plannedMappings":[{"from":"periksa-kasi","to":"periksa-kasi"},
                          {"from":"paraf-sekdes-lama","to":"paraf-sekdes"}],
                         "unmapped":["tanda-tangan-camat"],
                         "failures":[{"requestId":"req-9","reason":"Menunggu perbaikan warga"}]}""")));
        Backends.APPROVAL.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                urlEqualTo("/api/v1/workflows/" + SKU + "/versions/3/bpmn"))
                .willReturn(aResponse().withHeader("Content-Type", "application/xml").withBody(BPMN_V3)));

        Document plan = Pages.html(mvc.perform(get("/admin/alur/" + SKU + "/pindah").session(villageAdmin())
                .param("dari", "1").param("ke", "3").param("peta", "paraf-sekdes-lama|paraf-sekdes"))
                .andExpect(status().isOk()));

        Backends.APPROVAL.verify(postRequestedFor(urlEqualTo(migrations)).withRequestBody(equalToJson("""
                {"fromVersion":1,"toVersion":3,"village":"3309012004",
                 "mappings":[{"from":"paraf-sekdes-lama","to":"paraf-sekdes"}],"dryRun":true}""")));
        assertThat(plan.select("#jumlah-permohonan").text()).isEqualTo("3 permohonan akan dipindahkan.");
        assertThat(plan.select("#pemetaan li")).extracting(e -> e.text())
                .containsExactly("periksa-kasi → periksa-kasi", "paraf-sekdes-lama → paraf-sekdes");
        assertThat(plan.select("#kegagalan").text()).isEqualTo("req-9: Menunggu perbaikan warga");
        assertThat(plan.select("label[for=peta-0]").text()).isEqualTo("tanda-tangan-camat");
        assertThat(plan.select("#peta-0 option")).extracting(e -> e.attr("value")).containsExactly("",
                "tanda-tangan-camat|periksa-kasi", "tanda-tangan-camat|paraf-sekdes",
                "tanda-tangan-camat|tanda-tangan-kades");
        assertThat(plan.select("#peta-0 option")).extracting(e -> e.text())
                .contains("Tanda tangan Kepala Desa (tanda-tangan-kades)");
        assertThat(plan.select("input[type=hidden][name=peta]")).extracting(e -> e.attr("value"))
                .containsExactly("paraf-sekdes-lama|paraf-sekdes"); // the earlier choice travels with the form
        assertThat(plan.select("#rencana form[method=post]").attr("action"))
                .isEqualTo("/admin/alur/surat-keterangan-usaha/pindah");

        Backends.APPROVAL.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo(migrations))
                .withRequestBody(equalToJson("{\"dryRun\":false}", true, true))
                .willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json")
                        .withBody("{\"migrationId\":\"mig-42\"}")));
        mvc.perform(post("/admin/alur/" + SKU + "/pindah").session(villageAdmin()).param("dari", "1")
                .param("ke", "3").param("cakupan", "desa").param("peta", "tanda-tangan-camat|tanda-tangan-kades")
                .param("peta", "paraf-sekdes-lama|paraf-sekdes").param("peta", ""))
                .andExpect(redirectedUrl("/admin/alur/" + SKU + "/pindah/mig-42"));
        Backends.APPROVAL.verify(postRequestedFor(urlEqualTo(migrations)).withRequestBody(equalToJson("""
                {"fromVersion":1,"toVersion":3,"village":"3309012004",
                 "mappings":[{"from":"tanda-tangan-camat","to":"tanda-tangan-kades"},
                             {"from":"paraf-sekdes-lama","to":"paraf-sekdes"}],"dryRun":false}""")));

        String report = "/api/v1/workflows/migrations/mig-42";
        Backends.APPROVAL.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo(report))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"migrationId":"mig-42","key":"surat-keterangan-usaha","status":"RUNNING","instances":3,
                                 "migrated":1,"failed":[]}""")));
        Document running = Pages.html(mvc.perform(get("/admin/alur/" + SKU + "/pindah/mig-42").session(villageAdmin()))
                .andExpect(status().isOk()).andExpect(header().string("Refresh", "3")));
        assertThat(running.select("#status-pindah").text()).isEqualTo("Sedang berjalan");
        assertThat(running.select("#jumlah-pindah").text()).isEqualTo("1 dari 3");
        assertThat(running.select("[role=status]").text()).contains("diperbarui sendiri");

        Backends.APPROVAL.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo(report))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"migrationId":"mig-42","key":"surat-keterangan-usaha","status":"DONE","instances":3,"migrated":2,
                         "failed":[{"requestId":"req-9","reason":"Langkah tidak ada"}]}""")));
        Document done = Pages.html(mvc.perform(get("/admin/alur/" + SKU + "/pindah/mig-42").session(villageAdmin()))
                .andExpect(status().isOk()).andExpect(header().doesNotExist("Refresh")));
        assertThat(done.select("#status-pindah").text()).isEqualTo("Selesai");
        assertThat(done.select("#jumlah-pindah").text()).isEqualTo("2 dari 3");
        assertThat(done.select("#gagal").text()).isEqualTo("req-9: Langkah tidak ada");
        assertThat(done.select("[role=status]")).isEmpty();
    }
}
