package id.desaflow.portal.notifications;

import id.desaflow.portal.Backends;
import id.desaflow.portal.Pages;
import id.desaflow.portal.PortalTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The kecamatan administrator edits a message's wording; the service's refusals show next to the field. */
class TemplatePagesTest extends PortalTest {
    static final String TEMPLATES = """
            [{"eventType":"desaflow.request.submitted.v1","channel":"EMAIL","language":"id",
              "subject":"Permohonan diterima - {{trackingCode}}","body":"Yth. {{name}}, ...","variables":["name","trackingCode"],
              "overridden":false},
             {"eventType":"desaflow.request.submitted.v1","channel":"SMS","language":"en","subject":null,
              "body":"Request {{trackingCode}} received","variables":["name","trackingCode"],"overridden":true,
              "updatedBy":"demo-andong-admin","updatedAt":"2026-11-23T01:00:00Z"},
             {"eventType":"desaflow.request.verified.v1","channel":"EMAIL","language":"id","subject":"x","body":"y",
              "variables":[],"overridden":false}]""";

    @Test
    void theAdministratorChangesAWordingAndASecondTryWithAnUnknownVariableIsExplained() throws Exception {
        Backends.NOTIFICATION.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                urlPathEqualTo("/api/v1/templates")).withHeader("X-DesaFlow-User", equalTo("demo-andong-admin"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(TEMPLATES)));
        var admin = Pages.signIn(mvc, "demo-andong-admin");

        Document page = Pages.html(mvc.perform(get("/admin/templat").session(admin)).andExpect(status().isOk()));
        assertThat(page.select("#jenis option")).hasSize(2);
        assertThat(page.select("#templat-EMAIL-id textarea").text()).isEqualTo("Yth. {{name}}, ...");
        assertThat(page.select("#templat-EMAIL-id").text()).contains("Variabel: name, trackingCode");
        assertThat(page.select("#templat-SMS-en").text()).contains("Diubah oleh demo-andong-admin");
        assertThat(page.select("#templat-EMAIL-id form").attr("action"))
                .isEqualTo("/admin/templat/desaflow.request.submitted.v1/EMAIL/id");

        Backends.NOTIFICATION.stubFor(put(urlEqualTo("/api/v1/templates/desaflow.request.submitted.v1/EMAIL/id"))
                .withRequestBody(equalToJson("{\"subject\":\"Diterima\",\"body\":\"Halo {{name}}\"}"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{}")));
        mvc.perform(post("/admin/templat/desaflow.request.submitted.v1/EMAIL/id").session(admin)
                .param("subject", "Diterima").param("body", "Halo {{name}}"))
                .andExpect(redirectedUrl("/admin/templat?jenis=desaflow.request.submitted.v1&hasil=tersimpan"));
        Backends.NOTIFICATION.verify(putRequestedFor(urlEqualTo(
                "/api/v1/templates/desaflow.request.submitted.v1/EMAIL/id"))
                .withHeader("X-DesaFlow-Groups", equalTo("desa:3309012004:admin-kecamatan")));

        Backends.NOTIFICATION.stubFor(put(urlEqualTo("/api/v1/templates/desaflow.request.submitted.v1/EMAIL/id"))
                .withRequestBody(equalToJson("{\"subject\":\"Diterima\",\"body\":\"Halo {{nik}}\"}"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":400,\"errors\":[{\"field\":\"body\",\"message\":\"Variabel {{nik}} tidak tersedia\"}]}")));
        Document refused = Pages.html(mvc.perform(post("/admin/templat/desaflow.request.submitted.v1/EMAIL/id")
                .session(admin).param("subject", "Diterima").param("body", "Halo {{nik}}")));
        assertThat(refused.select("#templat-EMAIL-id .error").text()).isEqualTo("Variabel {{nik}} tidak tersedia");
        assertThat(refused.select("#templat-SMS-en .error")).isEmpty();
    }
}
