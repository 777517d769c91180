package id.desaflow.portal.notifications;

import id.desaflow.portal.Backends;
import id.desaflow.portal.PortalTest;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class NotificationPagesTest extends PortalTest {
    static final String LOG = """
            [{"id":"n-1","requestId":"r1","audience":"RESIDENT","channel":"SMS","recipient":"0812****7890",
              "about":"desaflow.request.submitted.v1","subject":null,"status":"PERMANENT_FAILURE","attempts":3,
              "lastError":"nomor tidak aktif","createdAt":"2026-11-23T01:00:00Z","updatedAt":"2026-11-23T01:05:00Z"},
             {"id":"n-2","requestId":"r1","audience":"RESIDENT","channel":"EMAIL","recipient":"s**@b***.test",
              "about":"desaflow.request.submitted.v1","subject":"Permohonan diterima","status":"DELIVERED",
              "attempts":1,"createdAt":"2026-11-23T01:00:00Z","updatedAt":"2026-11-23T01:00:01Z"}]""";

    @Test
    void theLogShowsFailuresWithAResendButtonAndDeliveriesWithout() throws Exception {
        Backends.NOTIFICATION.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                urlPathEqualTo("/api/v1/notifications")).withQueryParam("status", equalTo("FAILED"))
                .withHeader("X-DesaFlow-Groups", equalTo("desa:3309012004:admin-desa"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(LOG)));
        var admin = id.desaflow.portal.Pages.signIn(mvc, "demo-beji-admin");

        String html = mvc.perform(get("/admin/notifikasi").param("status", "FAILED").session(admin))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("Gagal (alamat tidak dapat dihubungi)").contains("nomor tidak aktif")
                .contains("0812****7890").contains("action=\"/admin/notifikasi/n-1/kirim-ulang\"")
                .doesNotContain("/admin/notifikasi/n-2/kirim-ulang").contains("Terkirim");
        assertThat(html.length()).isLessThan(MAX_PAGE_BYTES);
    }

    @Test
    void resendAsksTheNotificationServiceAndReturnsToTheLog() throws Exception {
        Backends.NOTIFICATION.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                "/api/v1/notifications/n-1/resend").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{}")));

        var admin = id.desaflow.portal.Pages.signIn(mvc, "demo-beji-admin");
        mvc.perform(post("/admin/notifikasi/n-1/kirim-ulang").param("status", "FAILED").session(admin))
                .andExpect(status().isSeeOther())
                .andExpect(redirectedUrl("/admin/notifikasi?hasil=dikirim-ulang&status=FAILED"));
        Backends.NOTIFICATION.verify(postRequestedFor(urlEqualTo("/api/v1/notifications/n-1/resend"))
                .withHeader("X-DesaFlow-User", equalTo("demo-beji-admin")));
    }

    @Test
    void anOfficialSeesTheirInAppNotificationsOnTheStartPageAndInTheirInbox() throws Exception {
        var session = id.desaflow.portal.Pages.signIn(mvc, "demo-beji-sekdes");
        stubCounts();
        Backends.NOTIFICATION.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                urlPathEqualTo("/api/v1/inbox")).withHeader("X-DesaFlow-User", equalTo("demo-beji-sekdes"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        [{"id":"i1","at":"2026-11-23T01:00:00Z","title":"Tugas baru: Paraf Sekdes",
                          "body":"Surat Keterangan Usaha SKU-AB12CD menunggu paraf Anda",
                          "link":"http://localhost:8080/petugas","read":false}]""")));

        var start = id.desaflow.portal.Pages.html(mvc.perform(get("/petugas").session(session))
                .andExpect(status().isOk()));
        assertThat(start.select(".notifications").text()).contains("Tugas baru: Paraf Sekdes")
                .contains("Belum dibaca").contains("SKU-AB12CD menunggu paraf Anda");

        var inbox = id.desaflow.portal.Pages.html(mvc.perform(get("/petugas/pemberitahuan").session(session))
                .andExpect(status().isOk()));
        assertThat(inbox.select("#pesan-i1").text()).contains("Tugas baru: Paraf Sekdes").contains("23 Nov 2026 08.00 WIB");
        assertThat(inbox.select("#pesan-i1 form").attr("action")).isEqualTo("/petugas/pemberitahuan/i1/dibaca");

        Backends.NOTIFICATION.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/api/v1/inbox/i1/read")
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{}")));
        mvc.perform(post("/petugas/pemberitahuan/i1/dibaca").session(session)
                        .param("tautan", "http://localhost:8080/petugas"))
                .andExpect(status().isSeeOther()).andExpect(redirectedUrl("/petugas"));
        mvc.perform(post("/petugas/pemberitahuan/i1/dibaca").session(session).param("tautan", "https://evil.example/"))
                .andExpect(redirectedUrl("/petugas/pemberitahuan"));
        Backends.NOTIFICATION.verify(2, postRequestedFor(urlEqualTo("/api/v1/inbox/i1/read")));
    }

    @Test
    void theStartPageStillWorksWhenNotificationsAreDown() throws Exception {
        var session = id.desaflow.portal.Pages.signIn(mvc, "demo-beji-sekdes");
        stubCounts();
        Backends.NOTIFICATION.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                urlPathEqualTo("/api/v1/inbox")).willReturn(aResponse().withStatus(503)));

        String html = mvc.perform(get("/petugas").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Belum ada pemberitahuan.");
    }

    private static void stubCounts() {
        Backends.APPROVAL.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/api/v1/tasks/counts")
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"open\":0,\"overdue\":0,\"mine\":0,\"new\":0}")));
    }
}
