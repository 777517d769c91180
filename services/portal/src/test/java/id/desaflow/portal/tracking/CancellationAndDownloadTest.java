package id.desaflow.portal.tracking;

import id.desaflow.portal.Backends;
import id.desaflow.portal.Pages;
import id.desaflow.portal.PortalTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Withdrawing a request (with a confirm step, no script) and downloading the signed letter: the resident only. */
class CancellationAndDownloadTest extends PortalTest {
    static final String NIK = "3309016108790002";
    static final byte[] PDF = "%PDF-1.7\n%surat\n".getBytes();

    MockHttpSession session = new MockHttpSession();

    @BeforeEach
    void provenResident() throws Exception {
        RevisionPageTest.stubDetails("SKU-AB12CD", NIK, 200, "{\"trackingCode\":\"SKU-AB12CD\",\"status\":\"DIAJUKAN\"}");
    }

    @Test
    void cancellingAsksForTheNikThenConfirmsThenTellsIntakeAsTheResident() throws Exception {
        Backends.INTAKE.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                "/api/v1/requests/SKU-AB12CD/cancellation").willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody("{\"status\":\"DIBATALKAN\"}")));

        mvc.perform(get("/lacak/SKU-AB12CD/batalkan").session(session))
                .andExpect(redirectedUrl("/lacak/SKU-AB12CD/konfirmasi?lanjut=batalkan"));
        mvc.perform(post("/lacak/SKU-AB12CD/konfirmasi").session(session).param("lanjut", "batalkan").param("nik", NIK))
                .andExpect(redirectedUrl("/lacak/SKU-AB12CD/batalkan"));
        Document confirm = Pages.html(mvc.perform(get("/lacak/SKU-AB12CD/batalkan").session(session))
                .andExpect(status().isOk()));
        assertThat(confirm.select("h1").text()).isEqualTo("Batalkan permohonan?");
        assertThat(confirm.select("button.danger").text()).isEqualTo("Ya, batalkan permohonan");
        assertThat(confirm.select("a[href=/lacak/SKU-AB12CD]").text()).isEqualTo("Tidak, kembali ke status permohonan");
        Backends.INTAKE.verify(0, postRequestedFor(anyUrl()));

        mvc.perform(post("/lacak/SKU-AB12CD/batalkan").session(session).param("alasan", " Sudah tidak perlu "))
                .andExpect(status().isSeeOther()).andExpect(redirectedUrl("/lacak/SKU-AB12CD?dibatalkan=1"));
        Backends.INTAKE.verify(postRequestedFor(urlEqualTo("/api/v1/requests/SKU-AB12CD/cancellation"))
                .withHeader("X-DesaFlow-User", equalTo("nik:" + NIK))
                .withRequestBody(equalToJson("{\"reason\":\"Sudah tidak perlu\"}")));

        TrackingPageTest.stub("SKU-AB12CD", 200, """
                {"trackingCode":"SKU-AB12CD","status":"DIBATALKAN","statusLabel":"Dibatalkan","timeline":[]}""");
        Document status = Pages.html(mvc.perform(get("/lacak/SKU-AB12CD").param("dibatalkan", "1")));
        assertThat(status.select("#pemberitahuan").text()).isEqualTo("Permohonan Anda sudah dibatalkan.");
        assertThat(status.select("#batalkan")).isEmpty();
    }

    @Test
    void aRequestFinishedMeanwhileCannotBeCancelledAndTheStatusSaysWhy() throws Exception {
        mvc.perform(post("/lacak/SKU-AB12CD/konfirmasi").session(session).param("lanjut", "batalkan").param("nik", NIK));
        Backends.INTAKE.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                "/api/v1/requests/SKU-AB12CD/cancellation").willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":409}")));

        mvc.perform(post("/lacak/SKU-AB12CD/batalkan").session(session))
                .andExpect(redirectedUrl("/lacak/SKU-AB12CD?tidakDapatDibatalkan=1"));
    }

    @Test
    void theSubmittingBrowserDownloadsTheLetterAsThePdfFromApproval() throws Exception {
        mvc.perform(post("/lacak/SKU-AB12CD/konfirmasi").session(session).param("lanjut", "surat").param("nik", NIK))
                .andExpect(redirectedUrl("/lacak/SKU-AB12CD/surat"));
        Backends.APPROVAL.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                "/api/v1/letters/SKU-AB12CD/pdf").willReturn(aResponse().withHeader("Content-Type", "application/pdf")
                .withBody(PDF)));

        byte[] body = mvc.perform(get("/lacak/SKU-AB12CD/surat").session(session)).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"surat-SKU-AB12CD.pdf\""))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(body).isEqualTo(PDF);
        Backends.APPROVAL.verify(getRequestedFor(urlEqualTo("/api/v1/letters/SKU-AB12CD/pdf"))
                .withHeader("X-DesaFlow-User", equalTo("nik:" + NIK)));
    }

    @Test
    void aStrangerIsAskedForTheNikAndALetterNotYetIssuedIsANoticeNotAnError() throws Exception {
        mvc.perform(get("/lacak/SKU-AB12CD/surat")).andExpect(status().isSeeOther())
                .andExpect(redirectedUrl("/lacak/SKU-AB12CD/konfirmasi?lanjut=surat"));
        Backends.APPROVAL.verify(0, getRequestedFor(anyUrl()));

        mvc.perform(post("/lacak/SKU-AB12CD/konfirmasi").session(session).param("lanjut", "surat").param("nik", NIK));
        Backends.APPROVAL.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                "/api/v1/letters/SKU-AB12CD/pdf").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":404}")));
        mvc.perform(get("/lacak/SKU-AB12CD/surat").session(session))
                .andExpect(redirectedUrl("/lacak/SKU-AB12CD?suratBelumAda=1"));
    }
}
