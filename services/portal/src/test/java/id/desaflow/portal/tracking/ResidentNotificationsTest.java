package id.desaflow.portal.tracking;

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
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The resident's own messages and channel choices, after confirming the applicant's NIK. */
class ResidentNotificationsTest extends PortalTest {
    static final String NIK = "3309016108790002";
    MockHttpSession session = new MockHttpSession();

    @BeforeEach
    void provenResident() {
        RevisionPageTest.stubDetails("SKU-AB12CD", NIK, 200, "{\"trackingCode\":\"SKU-AB12CD\",\"status\":\"DIAJUKAN\"}");
        Backends.NOTIFICATION.stubFor(get(urlEqualTo("/api/v1/inbox")).withHeader("X-DesaFlow-User",
                equalTo("nik:" + NIK)).willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                [{"id":"m1","at":"2026-11-23T01:00:00Z","title":"Permohonan diterima","body":"SKU-AB12CD diterima",
                  "link":"/lacak/SKU-AB12CD","read":false}]""")));
        Backends.NOTIFICATION.stubFor(get(urlEqualTo("/api/v1/preferences/me")).withHeader("X-DesaFlow-User",
                equalTo("nik:" + NIK)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"channels\":[\"WHATSAPP\",\"EMAIL\",\"IN_APP\"],\"optedOut\":false}")));
        Backends.NOTIFICATION.stubFor(put(urlEqualTo("/api/v1/preferences/me")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"channels\":[\"SMS\"],\"optedOut\":true}")));
    }

    @Test
    void afterTheNikTheResidentSeesTheirMessagesAndChoosesChannels() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/lacak/SKU-AB12CD/pemberitahuan").session(session))
                .andExpect(redirectedUrl("/lacak/SKU-AB12CD/konfirmasi?lanjut=pemberitahuan"));
        mvc.perform(post("/lacak/SKU-AB12CD/konfirmasi").session(session).param("lanjut", "pemberitahuan")
                .param("nik", NIK)).andExpect(redirectedUrl("/lacak/SKU-AB12CD/pemberitahuan"));

        Document page = Pages.html(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/lacak/SKU-AB12CD/pemberitahuan").session(session)).andExpect(status().isOk()));
        assertThat(page.select("#pesan-m1").text()).contains("Permohonan diterima").contains("SKU-AB12CD diterima");
        assertThat(page.select("#kanal-WHATSAPP").hasAttr("checked")).isTrue();
        assertThat(page.select("#kanal-SMS").hasAttr("checked")).isFalse();
        assertThat(page.select("label[for=kanal-EMAIL]").text()).isEqualTo("E-mail");
        assertThat(page.select("#berhenti").hasAttr("checked")).isFalse();

        mvc.perform(post("/lacak/SKU-AB12CD/pemberitahuan").session(session).param("kanal", "SMS")
                .param("kanal", "TELEPATI").param("berhenti", "1"))
                .andExpect(redirectedUrl("/lacak/SKU-AB12CD/pemberitahuan?tersimpan=1"));
        Backends.NOTIFICATION.verify(putRequestedFor(urlEqualTo("/api/v1/preferences/me"))
                .withHeader("X-DesaFlow-User", equalTo("nik:" + NIK))
                .withRequestBody(equalToJson("{\"channels\":[\"SMS\"],\"optedOut\":true}")));
    }

    @Test
    void withoutTheNikNothingIsChanged() throws Exception {
        mvc.perform(post("/lacak/SKU-AB12CD/pemberitahuan").param("kanal", "SMS"))
                .andExpect(redirectedUrl("/lacak/SKU-AB12CD/konfirmasi?lanjut=pemberitahuan"));
        Backends.NOTIFICATION.verify(0, putRequestedFor(urlEqualTo("/api/v1/preferences/me")));
    }
}
