package id.desaflow.portal.catalogue;

import id.desaflow.portal.Backends;
import id.desaflow.portal.Catalogues;
import id.desaflow.portal.PortalTest;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class HomePageTest extends PortalTest {

    @Test
    void homeListsTheCatalogueInIndonesianWithTheTrackForm() throws Exception {
        Catalogues.stub();

        String html = mvc.perform(get("/")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("<html lang=\"id\"")
                .contains("Surat Keterangan Usaha")
                .contains("href=\"/surat/surat-keterangan-usaha/ajukan\"")
                .contains("Nama usaha, Alamat usaha, Lama usaha (tahun)")
                .contains("Hanya di kantor desa")
                .doesNotContain("href=\"/surat/surat-keterangan-kelahiran/ajukan\"")
                .contains("action=\"/lacak\"").contains("name=\"kode\"")
                .contains("Desa Beji");
        assertThat(html.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThan(MAX_PAGE_BYTES);
    }

    @Test
    void englishByQueryParameterOrAcceptLanguageAndItemsWrapperAccepted() throws Exception {
        Backends.INTAKE.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/api/v1/letter-types")
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"items\":[" + Catalogues.SKU + "],\"total\":1}")));

        String byParam = mvc.perform(get("/").param("lang", "en")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String byHeader = mvc.perform(get("/").header("Accept-Language", "en-GB,en;q=0.8"))
                .andReturn().getResponse().getContentAsString();
        String javanese = mvc.perform(get("/").header("Accept-Language", "jv"))
                .andReturn().getResponse().getContentAsString();

        assertThat(byParam).contains("<html lang=\"en\"").contains("Business Certificate").contains("Letter types");
        assertThat(byHeader).contains("Business Certificate").contains("Track a request");
        assertThat(javanese).contains("Surat Keterangan Usaha").contains("Jenis surat");
    }

    @Test
    void styleSheetIsServedAndSmall() throws Exception {
        byte[] css = mvc.perform(get("/css/desaflow.css")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(css.length).isBetween(500, 20 * 1024);
    }
}
