package id.desaflow.portal.catalogue;

import id.desaflow.portal.Backends;
import id.desaflow.portal.Catalogues;
import id.desaflow.portal.Pages;
import id.desaflow.portal.PortalTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class HomePageTest extends PortalTest {

    @Test
    void homeListsTheVillagesLettersInIndonesianAndSendsCounterOnlyOnesToTheOffice() throws Exception {
        Catalogues.stub();

        Document page = Pages.html(mvc.perform(get("/")).andExpect(status().isOk()));

        assertThat(page.select("html").attr("lang")).isEqualTo("id");
        assertThat(page.select("#surat-surat-keterangan-usaha a.button").attr("href"))
                .isEqualTo("/surat/surat-keterangan-usaha/ajukan");
        assertThat(page.select("#surat-surat-keterangan-usaha").text()).contains("Nama usaha, Alamat usaha");
        assertThat(page.select("#surat-surat-keterangan-kelahiran a")).isEmpty();
        assertThat(page.select("#surat-surat-keterangan-kelahiran").text()).contains("Ajukan di kantor desa");
        assertThat(page.select("form[action=/lacak] input[name=kode]")).hasSize(1);
        assertThat(page.select(".brand").text()).contains("Desa Beji");
        assertThat(page.select("nav a[aria-current=page]").text()).isEqualTo("Beranda");
    }

    @Test
    void englishByQueryParameterOrAcceptLanguageAndItemsWrapperAccepted() throws Exception {
        Backends.INTAKE.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/api/v1/letter-types"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"items\":[" + Catalogues.SKU + "],\"total\":1}")));

        Document byParam = Pages.html(mvc.perform(get("/").param("lang", "en")).andExpect(status().isOk()));
        Document byHeader = Pages.html(mvc.perform(get("/").header("Accept-Language", "en-GB,en;q=0.8")));
        Document javanese = Pages.html(mvc.perform(get("/").header("Accept-Language", "jv")));

        assertThat(byParam.select("html").attr("lang")).isEqualTo("en");
        assertThat(byParam.text()).contains("Business Certificate").contains("Letter types");
        assertThat(byParam.select("a.lang").attr("href")).isEqualTo("/?lang=id");
        assertThat(byHeader.text()).contains("Business Certificate").contains("Track a request");
        assertThat(javanese.text()).contains("Surat Keterangan Usaha").contains("Jenis surat");
    }

    @Test
    void theLanguageSwitchKeepsTheQuerySoAFormIsNotLost() throws Exception {
        Catalogues.stub();
        Document page = Pages.html(mvc.perform(get("/surat/surat-keterangan-usaha/ajukan?kunci=abcdefgh-1")));
        assertThat(page.select("a.lang").attr("href")).isEqualTo("/surat/surat-keterangan-usaha/ajukan?kunci=abcdefgh-1&lang=en");
    }

    @Test
    void styleSheetIsServedAndSmall() throws Exception {
        byte[] css = mvc.perform(get("/css/desaflow.css")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(css.length).isBetween(500, 20 * 1024);
    }
}
