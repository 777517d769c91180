package id.desaflow.portal.lettertypes;

import id.desaflow.portal.Backends;
import id.desaflow.portal.Pages;
import id.desaflow.portal.PortalTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.LinkedHashMap;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The village's letter types for its administrators (issue 8), with WireMock as intake (and approval for the chain's
 * version): the list and its switch, the edit page's steps without JavaScript, saving, the service's refusals shown
 * next to their rows, a concurrent save, and back to the shipped definition.
 */
class LetterTypePagesTest extends PortalTest {
    static final String BEJI = "3309012004";
    static final String BMN = "surat-keterangan-belum-menikah";
    static final String DEFINITION = "/api/v1/villages/" + BEJI + "/letter-types/" + BMN + "/definition";
    static final String OFFERS = """
            [{"code":"surat-keterangan-usaha","label":"Surat Keterangan Usaha","labelEn":"Business Certificate",
              "onlineAllowed":true,"enabled":true,"changedBy":null,"changedAt":null,"version":0},
             {"code":"surat-keterangan-belum-menikah","label":"Surat Keterangan Belum Menikah","labelEn":"Unmarried",
              "onlineAllowed":true,"enabled":false,"changedBy":"demo-beji-admin","changedAt":"2026-11-20T02:00:00Z",
              "version":3},
             {"code":"surat-keterangan-kematian","label":"Surat Keterangan Kematian","labelEn":"Death",
              "onlineAllowed":false,"enabled":true,"changedBy":null,"changedAt":null,"version":0}]""";
    static final String VIEW = """
            {"villageCode":"3309012004","letterType":"surat-keterangan-belum-menikah","version":3,"offered":true,
             "changedBy":"demo-beji-admin","changedAt":"2026-11-20T02:00:00Z",
             "definition":{"code":"surat-keterangan-belum-menikah","trackingPrefix":"BMN",
               "label":"Surat Keterangan Belum Menikah","labelEn":"Certificate of Unmarried Status",
               "classificationCode":"474.2","workflow":"surat-keterangan-belum-menikah","onlineAllowed":true,
               "requirements":["Fotokopi KTP","Fotokopi Kartu Keluarga"],
               "fields":[
                 {"name":"pekerjaan","label":"Pekerjaan","labelEn":"Occupation","required":false,"kind":"text","maxLength":100},
                 {"name":"keperluan","label":"Keperluan surat","labelEn":"Purpose","required":true,"kind":"text","maxLength":200,
                  "help":"Contoh: persyaratan melamar CPNS"}],
               "attachments":[
                 {"kind":"ktp","label":"KTP pemohon","labelEn":"ID card","required":true,"maxBytes":2097152,
                  "contentTypes":["image/jpeg","image/png","application/pdf"]}]},
             "title":"SURAT KETERANGAN BELUM MENIKAH",
             "statement":"Orang tersebut adalah penduduk Desa {desa} untuk keperluan {keperluan}.",
             "shippedFields":["pekerjaan","keperluan"],"requiredFields":["keperluan"],"shippedDocuments":["ktp"],
             "placeholders":["nama","desa","kecamatan","kabupaten","jabatan"],
             "fieldKinds":[{"kind":"text","maxLength":200},{"kind":"choice","maxLength":200}],
             "maxDocumentBytes":2097152}""";
    static final String VERSIONS = """
            [{"version":3,"changedBy":"demo-beji-admin","changedAt":"2026-11-20T02:00:00Z","summary":"Layanan dinonaktifkan"},
             {"version":2,"changedBy":"demo-beji-admin","changedAt":"2026-11-19T02:00:00Z","summary":"Kode klasifikasi 474.2 → 474.21"}]""";
    static final String WORKFLOWS = """
            [{"key":"surat-keterangan-belum-menikah","name":"Surat Keterangan Belum Menikah",
              "versions":[{"version":1,"definitionId":"bmn:1","deployedAt":"2026-11-01T01:00:00Z","deployedBy":"system","village":null,"running":0},
                          {"version":2,"definitionId":"bmn:2","deployedAt":"2026-11-02T01:00:00Z","deployedBy":"a","village":"3309012004","running":0}],
              "current":{"all":1,"villages":{"3309012004":2}}}]""";

    private static void answered() {
        Backends.INTAKE.stubFor(get(urlEqualTo("/api/v1/villages/" + BEJI + "/letter-types")).willReturn(json(OFFERS)));
        Backends.INTAKE.stubFor(get(urlEqualTo(DEFINITION)).willReturn(json(VIEW)));
        Backends.INTAKE.stubFor(get(urlEqualTo(DEFINITION + "/versions")).willReturn(json(VERSIONS)));
        Backends.APPROVAL.stubFor(get(urlEqualTo("/api/v1/workflows")).willReturn(json(WORKFLOWS)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    private MockHttpSession admin() throws Exception {
        return Pages.signIn(mvc, "demo-beji-admin");
    }

    /** The edit form as the page shows it, every input with its value, plus the button pressed. */
    private static MockHttpServletRequestBuilder submit(Document page, String action, Map<String, String> changes) {
        Element form = page.getElementById("ubah");
        Map<String, String> values = new LinkedHashMap<>();
        for (Element input : form.select("input, textarea, select")) {
            String name = input.attr("name");
            if (name.isEmpty() || name.equals("_csrf")) {
                continue;
            }
            if (input.attr("type").equals("checkbox")) {
                if (input.hasAttr("checked")) {
                    values.put(name, input.val());
                }
            } else if (input.tagName().equals("select")) {
                Element selected = input.selectFirst("option[selected]");
                values.put(name, selected != null ? selected.val() : input.select("option").first().val());
            } else if (input.tagName().equals("textarea")) {
                values.put(name, input.text());
            } else {
                values.put(name, input.val());
            }
        }
        values.putAll(changes);
        MockHttpServletRequestBuilder request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/admin/jenis-surat/" + BMN);
        values.forEach((k, v) -> {
            if (v != null) {
                request.param(k, v);
            }
        });
        return request.param("aksi", action);
    }

    @Test
    void theListShowsEachLetterTypeWithItsSwitchVersionAndLastChange() throws Exception {
        answered();
        Backends.INTAKE.stubFor(put(urlEqualTo("/api/v1/villages/" + BEJI + "/letter-types/" + BMN))
                .willReturn(json("{}")));
        MockHttpSession admin = admin();

        Document page = Pages.html(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/admin/jenis-surat").session(admin)).andExpect(status().isOk()));

        assertThat(page.select("h1").text()).isEqualTo("Jenis surat");
        Element bmn = page.getElementById("jenis-" + BMN);
        assertThat(bmn.select("h2").text()).isEqualTo("Surat Keterangan Belum Menikah");
        assertThat(bmn.select(".dilayani").text()).isEqualTo("Tidak");
        assertThat(bmn.select(".versi").text()).isEqualTo("Versi 3");
        assertThat(bmn.select(".diubah").text()).contains("demo-beji-admin").contains("20 Nov 2026");
        assertThat(bmn.select("a.button").attr("href")).isEqualTo("/admin/jenis-surat/" + BMN);
        assertThat(bmn.select("button").text()).isEqualTo("Aktifkan");
        assertThat(page.getElementById("jenis-surat-keterangan-usaha").select(".versi").text()).isEqualTo("Bawaan");
        assertThat(page.getElementById("jenis-surat-keterangan-kematian").text()).contains("Hanya di kantor desa");

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/admin/jenis-surat/" + BMN + "/layanan").session(admin).param("aktif", "true"))
                .andExpect(status().isSeeOther()).andExpect(redirectedUrl("/admin/jenis-surat?hasil=aktif"));
        Backends.INTAKE.verify(putRequestedFor(urlEqualTo("/api/v1/villages/" + BEJI + "/letter-types/" + BMN))
                .withRequestBody(equalToJson("{\"enabled\":true}"))
                .withHeader("X-DesaFlow-User", equalTo("demo-beji-admin")));
    }

    @Test
    void anOfficialWhoIsNoAdministratorMayLookButIsOfferedNoChange() throws Exception {
        answered();
        MockHttpSession kades = Pages.signIn(mvc, "demo-beji-kades");

        Document list = Pages.html(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/admin/jenis-surat").session(kades)).andExpect(status().isOk()));
        Document edit = Pages.html(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/admin/jenis-surat/" + BMN).session(kades)).andExpect(status().isOk()));

        assertThat(list.select("form")).extracting(f -> f.attr("action")).doesNotContain(
                "/admin/jenis-surat/" + BMN + "/layanan");
        assertThat(list.text()).contains("hanya admin desa");
        assertThat(edit.getElementById("simpan")).isNull();
        assertThat(edit.getElementById("kembalikan")).isNull();
    }

    @Test
    void theEditPageShowsEverythingAnAdministratorMayChangeAndWhatNot() throws Exception {
        answered();

        Document page = Pages.html(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/admin/jenis-surat/" + BMN).session(admin())).andExpect(status().isOk()));

        assertThat(page.select("h1").text()).isEqualTo("Ubah Surat Keterangan Belum Menikah");
        assertThat(page.getElementById("f-label").val()).isEqualTo("Surat Keterangan Belum Menikah");
        assertThat(page.getElementById("f-classificationCode").val()).isEqualTo("474.2");
        assertThat(page.getElementById("f-requirements").text()).contains("Fotokopi KTP");
        assertThat(page.getElementById("isian-0").select("h3").text()).contains("Pekerjaan").contains("bawaan");
        // a shipped field cannot be removed; the shipped required one stays required (no checkbox)
        assertThat(page.getElementById("isian-0").select("button").text()).isEqualTo("Turun");
        assertThat(page.getElementById("isian-1").select("input[type=checkbox]")).isEmpty();
        assertThat(page.getElementById("isian-1").text()).contains("tetap wajib");
        assertThat(page.getElementById("dokumen-0").select("button")).isEmpty();
        // the English texts are there to change, folded away under each row
        assertThat(page.getElementById("f-fields-0-labelEn").val()).isEqualTo("Occupation");
        assertThat(page.getElementById("f-fields-0-labelEn").closest("details").hasAttr("open"))
                .isFalse();
        assertThat(page.getElementById("f-fields-0-helpEn")).isNotNull();
        assertThat(page.getElementById("f-fields-0-labelEn").closest("details").selectFirst("summary").text())
                .isEqualTo("Teks bahasa Inggris: Pekerjaan");
        assertThat(page.getElementById("f-fields-0-labelEn").attr("aria-describedby")).isEqualTo("f-fields-0-en-hint");
        assertThat(page.getElementById("f-attachments-0-labelEn").val()).isEqualTo("ID card");
        assertThat(page.getElementById("f-attachments-0-helpEn")).as("documents have no English help").isNull();
        assertThat(page.getElementById("f-statement").text()).contains("{keperluan}");
        assertThat(page.select(".placeholders").text()).contains("{keperluan} — Keperluan surat")
                .contains("{desa} — nama desa");
        assertThat(page.getElementById("versi-alur").text()).contains("Versi 2");
        assertThat(page.getElementById("tautan-alur").attr("href")).isEqualTo("/admin/alur/" + BMN);
        assertThat(page.getElementById("versi").select("li")).hasSize(2);
        assertThat(page.getElementById("versi").text()).contains("Kode klasifikasi 474.2 → 474.21");
        assertThat(page.getElementById("kembalikan")).isNotNull();
        // Enter in a text box only shows the draft again: the form's first button
        assertThat(page.getElementById("ubah").selectFirst("button").val()).isEqualTo("perbarui");
    }

    @Test
    void fieldsAreAddedMovedAndRemovedWithoutJavaScriptThenSavedAsOneNewVersion() throws Exception {
        answered();
        Backends.INTAKE.stubFor(put(urlEqualTo(DEFINITION)).willReturn(json(VIEW)));
        MockHttpSession admin = admin();
        Document page = Pages.html(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/admin/jenis-surat/" + BMN).session(admin)));

        page = Pages.html(mvc.perform(submit(page, "tambah-isian", Map.of("baru.name", "namaCalonPasangan",
                "baru.label", "Nama calon pasangan", "baru.kind", "text", "baru.required", "true",
                "baru.maxLength", "100")).session(admin)).andExpect(status().isOk()));
        assertThat(page.getElementById("isian-2").select("h3").text()).contains("Nama calon pasangan")
                .contains("tambahan desa");
        assertThat(page.getElementById("isian-2").select("button").text()).contains("Hapus");
        assertThat(page.select(".placeholders").text()).contains("{namaCalonPasangan}");
        page = Pages.html(mvc.perform(submit(page, "naik-2", Map.of()).session(admin)).andExpect(status().isOk()));
        assertThat(page.getElementById("isian-1").select("h3").text()).contains("Nama calon pasangan");
        page = Pages.html(mvc.perform(submit(page, "tambah-dokumen", Map.of("baruDok.kind", "akta-cerai",
                "baruDok.label", "Akta cerai")).session(admin)).andExpect(status().isOk()));
        assertThat(page.getElementById("dokumen-1").text()).contains("Akta cerai");
        page = Pages.html(mvc.perform(submit(page, "hapus-dokumen-1", Map.of()).session(admin))
                .andExpect(status().isOk()));
        assertThat(page.getElementById("dokumen-1")).isNull();
        Backends.INTAKE.verify(0, putRequestedFor(urlEqualTo(DEFINITION)));

        mvc.perform(submit(page, "simpan", Map.of("classificationCode", "474.21",
                        "fields[0].labelEn", "Job", "fields[0].helpEn", "As on your KTP",
                        "attachments[0].labelEn", "Identity card (KTP)",
                        "statement", "Penduduk Desa {desa}, calon pasangan {namaCalonPasangan}.")).session(admin))
                .andExpect(status().isSeeOther()).andExpect(redirectedUrl("/admin/jenis-surat/" + BMN
                        + "?hasil=disimpan"));
        Backends.INTAKE.verify(putRequestedFor(urlEqualTo(DEFINITION)).withHeader("X-DesaFlow-User",
                equalTo("demo-beji-admin")).withRequestBody(equalToJson("""
                {"basedOn":3,"classificationCode":"474.21",
                 "requirements":["Fotokopi KTP","Fotokopi Kartu Keluarga"],
                 "fields":[{"name":"pekerjaan","labelEn":"Job","helpEn":"As on your KTP","required":false},
                           {"name":"namaCalonPasangan","label":"Nama calon pasangan","required":true,"kind":"text",
                            "maxLength":100},
                           {"name":"keperluan","required":true,"help":"Contoh: persyaratan melamar CPNS"}],
                 "attachments":[{"kind":"ktp","label":"KTP pemohon","labelEn":"Identity card (KTP)","required":true}],
                 "title":"SURAT KETERANGAN BELUM MENIKAH",
                 "statement":"Penduduk Desa {desa}, calon pasangan {namaCalonPasangan}."}""", false, true)));
    }

    @Test
    void aFieldToAddWithoutItsNameIsAskedForAgainWithWhatWasTyped() throws Exception {
        answered();
        MockHttpSession admin = admin();
        Document page = Pages.html(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/admin/jenis-surat/" + BMN).session(admin)));

        Document refused = Pages.html(mvc.perform(submit(page, "tambah-isian", Map.of("baru.label",
                "Nama calon pasangan")).session(admin)).andExpect(status().isBadRequest()));

        assertThat(refused.getElementById("f-baru-name").attr("aria-invalid")).isEqualTo("true");
        assertThat(refused.getElementById("f-baru-name").parent().select(".error").text())
                .isEqualTo("Nama isian wajib diisi");
        assertThat(refused.getElementById("f-baru-label").val()).isEqualTo("Nama calon pasangan");
        assertThat(refused.getElementById("isian-2")).isNull();
    }

    @Test
    void theServicesRefusalsAppearNextToTheirRowsAndNothingIsLost() throws Exception {
        answered();
        Backends.INTAKE.stubFor(put(urlEqualTo(DEFINITION)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json").withBody("""
                        {"title":"Input tidak valid","status":400,"errors":[
                          {"field":"fields[0].label","message":"Wajib diisi"},
                          {"field":"fields[1].labelEn","message":"Label bahasa Inggris berisi karakter kendali"},
                          {"field":"statement","message":"Isi surat memakai {gaji} yang bukan isian surat ini"}]}""")));
        MockHttpSession admin = admin();
        Document page = Pages.html(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/admin/jenis-surat/" + BMN).session(admin)));

        Document refused = Pages.html(mvc.perform(submit(page, "simpan", Map.of("fields[0].label", "",
                "statement", "Gaji {gaji}")).session(admin)).andExpect(status().isBadRequest()));

        assertThat(refused.getElementById("ringkasan-galat").text()).contains("Isian 1").contains("Wajib diisi")
                .contains("Isi surat");
        assertThat(refused.getElementById("ringkasan-galat").select("a").attr("href")).isEqualTo("#isian-0");
        assertThat(refused.getElementById("isian-0").select(".error").text()).isEqualTo("Wajib diisi");
        assertThat(refused.getElementById("f-fields-0-label").attr("aria-invalid")).isEqualTo("true");
        // a problem with an English text opens that row's English texts; the others stay folded
        assertThat(refused.getElementById("f-fields-1-labelEn").closest("details").hasAttr("open")).isTrue();
        assertThat(refused.getElementById("f-fields-1-labelEn").attr("aria-invalid")).isEqualTo("true");
        assertThat(refused.getElementById("f-fields-0-labelEn").closest("details").hasAttr("open")).isFalse();
        assertThat(refused.getElementById("f-statement").text()).isEqualTo("Gaji {gaji}");
        assertThat(refused.getElementById("f-statement").parent().select(".error").text()).contains("{gaji}");
    }

    @Test
    void aSaveAfterSomeoneElsesSaysSoAndAResetGoesBackToTheShippedDefinition() throws Exception {
        answered();
        Backends.INTAKE.stubFor(put(urlEqualTo(DEFINITION)).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/problem+json").withBody("""
                        {"title":"Konflik","status":409,"detail":"Jenis surat ini sudah diubah orang lain (kini versi 4)",
                         "currentVersion":4}""")));
        Backends.INTAKE.stubFor(post(urlPathEqualTo(DEFINITION + "/reset")).willReturn(json(VIEW)));
        MockHttpSession admin = admin();
        Document page = Pages.html(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/admin/jenis-surat/" + BMN).session(admin)));

        Document conflict = Pages.html(mvc.perform(submit(page, "simpan", Map.of("f-label", "x")).session(admin))
                .andExpect(status().isConflict()));
        assertThat(conflict.getElementById("bentrok").text()).contains("sudah diubah orang lain");

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/admin/jenis-surat/" + BMN + "/bawaan").session(admin).param("basedOn", "3"))
                .andExpect(status().isSeeOther())
                .andExpect(redirectedUrl("/admin/jenis-surat/" + BMN + "?hasil=bawaan"));
        Backends.INTAKE.verify(postRequestedFor(urlEqualTo(DEFINITION + "/reset?basedOn=3"))
                .withHeader("X-DesaFlow-Groups", equalTo("desa:" + BEJI + ":admin-desa")));
        Backends.INTAKE.verify(getRequestedFor(urlEqualTo(DEFINITION)));
    }
}
