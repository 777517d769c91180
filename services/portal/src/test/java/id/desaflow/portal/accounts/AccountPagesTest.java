package id.desaflow.portal.accounts;

import id.desaflow.portal.Backends;
import id.desaflow.portal.Pages;
import id.desaflow.portal.PortalTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 3's administration pages over the identity service's API (WireMock plays identity): the village admin lists,
 * adds (first password shown once), re-roles and deactivates officials; an operator issues a resident's PIN at the
 * counter. Identity decides and checks; the pages show its refusals next to the fields.
 */
class AccountPagesTest extends PortalTest {
    private static final String BEJI = "3309012004";
    private MockHttpSession admin;

    @BeforeEach
    void signInAsTheVillageAdmin() throws Exception {
        admin = Pages.signIn(mvc, "demo-beji-admin");
        Backends.INTAKE.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/api/v1/villages/" + BEJI)
                .willReturn(okJson("{\"code\":\"" + BEJI + "\",\"name\":\"Beji\",\"dusun\":[\"Beji\",\"Bulu\"]}")));
        Backends.IDENTITY.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(
                "/api/v1/officials")).willReturn(okJson("[{\"id\":\"a1\",\"username\":\"kasi-pelayanan.beji\","
                + "\"name\":\"Bambang Wijaya\",\"village\":\"" + BEJI + "\",\"roles\":[\"kasi-pelayanan\"],"
                + "\"dusun\":null,\"active\":true},{\"id\":\"a2\",\"username\":\"kadus-bulu.beji\",\"name\":"
                + "\"Teguh Santoso\",\"village\":\"" + BEJI + "\",\"roles\":[\"kadus\"],\"dusun\":\"Bulu\","
                + "\"active\":false}]")));
    }

    @Test
    void theAdminReadsAnOfficialsTrailOfSignInsAndDecisionsWithWhereEachCameFrom() throws Exception {
        Backends.IDENTITY.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/api/v1/audit/users/a1")
                .willReturn(okJson("""
                        [{"id":"r1","userId":"a1","actorId":"a1","action":"sign-in","detail":null,
                          "ip":"192.168.1.20","at":"2026-11-20T01:00:00Z"},
                         {"id":"r2","userId":"a1","actorId":"a1","action":"sign-in-failed","detail":"BadCredentials",
                          "ip":"203.0.113.5","at":"2026-11-21T01:00:00Z"}]""")));
        Backends.APPROVAL.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        "/api/v1/audit/officials/a1")
                .willReturn(okJson("""
                        [{"at":"2026-11-21T02:05:00Z","actor":"a1","action":"DECIDED",
                          "taskName":"Pemeriksaan Kasi Pelayanan","role":"kasi-pelayanan","decision":"REVISE",
                          "comment":"Foto KTP buram","from":"192.168.1.20","requestId":"0b7e1c2d-aaaa"},
                         {"at":"2026-11-21T02:00:00Z","actor":"a1","action":"CLAIMED",
                          "taskName":"Pemeriksaan Kasi Pelayanan","role":"kasi-pelayanan","decision":null,
                          "comment":null,"from":null,"requestId":"0b7e1c2d-aaaa"}]""")));

        Document list = Pages.html(mvc.perform(get("/admin/petugas").session(admin)));
        assertThat(list.select("#akun-kasi-pelayanan\\.beji a[href='/admin/petugas/a1/jejak']")).hasSize(1);
        Document page = Pages.html(mvc.perform(get("/admin/petugas/a1/jejak").session(admin))
                .andExpect(status().isOk()));

        assertThat(page.select("h1").text()).isEqualTo("Jejak Bambang Wijaya");
        assertThat(page.select("#daftar-keputusan li").eachText()).containsExactly(
                "21 Nov 2026 09.05 WIB Memutuskan Pemeriksaan Kasi Pelayanan Minta perbaikan “Foto KTP buram” "
                        + "dari 192.168.1.20 · permohonan 0b7e1c2d",
                "21 Nov 2026 09.00 WIB Mengambil tugas Pemeriksaan Kasi Pelayanan · permohonan 0b7e1c2d");
        assertThat(page.select("#daftar-akun li").eachText()).containsExactly(
                "21 Nov 2026 08.00 WIB Gagal masuk dari 203.0.113.5", "20 Nov 2026 08.00 WIB Masuk dari 192.168.1.20");
        Backends.APPROVAL.verify(getRequestedFor(urlEqualTo("/api/v1/audit/officials/a1"))
                .withHeader("X-DesaFlow-User", equalTo("demo-beji-admin")));
    }

    @Test
    void anOfficialOfAnotherVillageHasNoTrailHere() throws Exception {
        mvc.perform(get("/admin/petugas/zz9/jejak").session(admin)).andExpect(status().isNotFound());
        Backends.APPROVAL.verify(0, com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
    }

    @Test
    void theAdminSeesTheVillagesOfficialsWithRolesDusunAndState() throws Exception {
        Document page = Pages.html(mvc.perform(get("/admin/petugas").session(admin)).andExpect(status().isOk()));

        assertThat(page.select("#akun-kasi-pelayanan\\.beji").text()).contains("Bambang Wijaya", "Kasi Pelayanan");
        assertThat(page.select("#akun-kadus-bulu\\.beji").text()).contains("Kepala Dusun", "Bulu", "Nonaktif");
        assertThat(page.select("#akun-kadus-bulu\\.beji form")).as("no actions on an inactive account").isEmpty();
        assertThat(page.select("#f-dusun option").eachText()).contains("Beji", "Bulu");
        Backends.IDENTITY.verify(getRequestedFor(urlEqualTo("/api/v1/officials?village=" + BEJI))
                .withHeader("X-DesaFlow-User", equalTo("demo-beji-admin")));
    }

    @Test
    void addingAnOfficialShowsTheFirstPasswordOnceAndRefusalsNextToTheirField() throws Exception {
        Backends.IDENTITY.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/api/v1/officials")
                .withRequestBody(equalToJson("{\"username\":\"operator2.beji\"}", true, true))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"a3\",\"secret\":\"Rk7-pQ2-xY9a\"}")));
        Document created = Pages.html(mvc.perform(post("/admin/petugas").session(admin)
                .param("name", "Rina Dua").param("username", "operator2.beji").param("role", "operator")
                .param("dusun", "").param("email", "rina2@beji.desa.id").param("phone", ""))
                .andExpect(status().isOk()));
        assertThat(created.select("#kata-sandi-awal").text()).contains("Rina Dua", "Rk7-pQ2-xY9a");
        Backends.IDENTITY.verify(postRequestedFor(urlEqualTo("/api/v1/officials")).withRequestBody(equalToJson(
                "{\"username\":\"operator2.beji\",\"name\":\"Rina Dua\",\"village\":\"" + BEJI + "\","
                        + "\"roles\":[\"operator\"],\"dusun\":null,\"email\":\"rina2@beji.desa.id\",\"phone\":null}")));

        Backends.IDENTITY.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/api/v1/officials")
                .withRequestBody(equalToJson("{\"username\":\"X\"}", true, true))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"title\":\"Input tidak valid\",\"status\":400,\"errors\":[{\"field\":"
                                + "\"username\",\"message\":\"Nama pengguna 3-40 huruf kecil, angka, titik, garis\"}]}")));
        Document refused = Pages.html(mvc.perform(post("/admin/petugas").session(admin).param("name", "Siapa")
                .param("username", "X").param("role", "operator")).andExpect(status().isBadRequest()));
        assertThat(refused.select("#f-username ~ p.error").text()).contains("Nama pengguna 3-40");
        assertThat(refused.select("#f-name").val()).isEqualTo("Siapa");
        assertThat(refused.select("#kata-sandi-awal")).isEmpty();
    }

    @Test
    void rolesChangeAndAccountsAreDeactivatedThroughIdentity() throws Exception {
        Backends.IDENTITY.stubFor(com.github.tomakehurst.wiremock.client.WireMock.put("/api/v1/officials/a1/roles")
                .willReturn(okJson("{}")));
        Backends.IDENTITY.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                "/api/v1/officials/a1/deactivation").willReturn(okJson("{}")));

        mvc.perform(post("/admin/petugas/a1/peran").session(admin).param("role", "kadus").param("dusun", "Bulu"))
                .andExpect(status().isSeeOther()).andExpect(redirectedUrl("/admin/petugas?hasil=peran"));
        Backends.IDENTITY.verify(putRequestedFor(urlEqualTo("/api/v1/officials/a1/roles"))
                .withRequestBody(equalToJson("{\"roles\":[\"kadus\"],\"dusun\":\"Bulu\"}")));
        mvc.perform(post("/admin/petugas/a1/nonaktif").session(admin))
                .andExpect(status().isSeeOther()).andExpect(redirectedUrl("/admin/petugas?hasil=nonaktif"));
        Backends.IDENTITY.verify(postRequestedFor(urlEqualTo("/api/v1/officials/a1/deactivation")));
    }

    @Test
    void aForgottenPasswordIsResetThroughIdentityAndTheNewOneShownOnce() throws Exception {
        Backends.IDENTITY.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                "/api/v1/officials/a1/password-reset").willReturn(okJson("{\"id\":\"a1\",\"secret\":\"Baru7Sandi42\"}")));
        Document list = Pages.html(mvc.perform(get("/admin/petugas").session(admin)));
        assertThat(list.select("#akun-kasi-pelayanan\\.beji form[action='/admin/petugas/a1/sandi'] button").text())
                .isEqualTo("Atur ulang kata sandi (lupa atau terkunci)");

        Document page = Pages.html(mvc.perform(post("/admin/petugas/a1/sandi").session(admin)
                .param("name", "Bambang Wijaya")).andExpect(status().isOk()));

        assertThat(page.select("#kata-sandi-awal").text()).contains("Kata sandi baru untuk Bambang Wijaya dibuat")
                .contains("Baru7Sandi42").contains("wajib diganti petugas saat masuk berikutnya");
        Backends.IDENTITY.verify(postRequestedFor(urlEqualTo("/api/v1/officials/a1/password-reset"))
                .withHeader("X-DesaFlow-User", equalTo("demo-beji-admin")));
    }

    @Test
    void anOfficialWhoIsNoAdministratorIsToldSo() throws Exception {
        MockHttpSession kasi = Pages.signIn(mvc, "demo-beji-kasi-pelayanan");
        Backends.IDENTITY.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(
                "/api/v1/officials")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":403}")));
        Document page = Pages.html(mvc.perform(get("/admin/petugas").session(kasi)).andExpect(status().isForbidden()));
        assertThat(page.select("[role=alert]").text()).contains("hanya untuk admin desa");
        assertThat(page.select("#f-username")).isEmpty();
    }

    @Test
    void theCounterIssuesAResidentsPinShownOnce() throws Exception {
        MockHttpSession operator = Pages.signIn(mvc, "demo-beji-operator");
        Backends.IDENTITY.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/api/v1/residents/pin-reset")
                .willReturn(okJson("{\"id\":\"w1\",\"secret\":\"482913\"}")));
        Document page = Pages.html(mvc.perform(post("/loket/pin").session(operator).param("nik", "3309016108790002")
                .param("name", "").param("phone", "081234567890").param("email", ""))
                .andExpect(status().isOk()));
        assertThat(page.select("#pin-baru").text()).contains("482913");
        Backends.IDENTITY.verify(postRequestedFor(urlEqualTo("/api/v1/residents/pin-reset")).withRequestBody(
                equalToJson("{\"nik\":\"3309016108790002\",\"name\":null,\"village\":\"" + BEJI + "\","
                        + "\"phone\":\"081234567890\",\"email\":null}")));
    }
}
