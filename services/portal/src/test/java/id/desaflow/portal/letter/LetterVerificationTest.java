package id.desaflow.portal.letter;

import id.desaflow.portal.Backends;
import id.desaflow.portal.Pages;
import id.desaflow.portal.PortalTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The page the QR on every letter opens: genuine and registered, revoked, or unknown. */
class LetterVerificationTest extends PortalTest {
    static final String VALID = """
            {"letterNumber":"500/001/3309012004/XI/2026","letterType":"surat-keterangan-usaha",
             "letterLabel":"Surat Keterangan Usaha","issuedAt":"2026-11-23T03:00:00Z","residentName":"Sri Wahyuni",
             "signerName":"Suyanto","signerPosition":"Kepala Desa Beji","status":"VALID","revokedAt":null,
             "revocationReason":null}""";

    @Test
    void aGenuineLetterIsConfirmedWithTheDetailsPrintedOnIt() throws Exception {
        stub("V7K3P9QX", 200, VALID);

        Document page = Pages.html(mvc.perform(get("/verifikasi/V7K3P9QX")).andExpect(status().isOk()));

        assertThat(page.select("#surat-sah h1").text()).isEqualTo("✓ Surat ini benar dan tercatat");
        assertThat(page.select("dl").text()).contains("500/001/3309012004/XI/2026").contains("23 Nov 2026 10.00 WIB")
                .contains("Surat Keterangan Usaha").contains("Sri Wahyuni").contains("Suyanto, Kepala Desa Beji");
        assertThat(page.select("#surat-dicabut")).isEmpty();
        assertThat(page.select("form")).isEmpty();
    }

    @Test
    void aRevokedLetterSaysSoClearlyWithWhenAndWhy() throws Exception {
        stub("V7K3P9QX", 200, VALID.replace("\"VALID\"", "\"REVOKED\"")
                .replace("\"revokedAt\":null", "\"revokedAt\":\"2026-11-24T01:00:00Z\"")
                .replace("\"revocationReason\":null", "\"revocationReason\":\"Usaha sudah tutup\""));

        Document page = Pages.html(mvc.perform(get("/verifikasi/V7K3P9QX")).andExpect(status().isOk()));

        assertThat(page.select("#surat-dicabut[role=alert] h1").text()).isEqualTo("✗ Surat ini TELAH DICABUT");
        assertThat(page.select("dl").text()).contains("Dicabut pada 24 Nov 2026 08.00 WIB").contains("Usaha sudah tutup");
        assertThat(page.select("#surat-sah")).isEmpty();
    }

    @Test
    void anUnknownCodeIsNotFoundAndOffersToTypeItAgainAlsoInEnglish() throws Exception {
        stub("PALSU123", 404, "{\"status\":404}");

        Document page = Pages.html(mvc.perform(get("/verifikasi/PALSU123")).andExpect(status().isNotFound()));
        assertThat(page.select("#surat-tidak-ada h1").text()).isEqualTo("Surat tidak ditemukan");
        assertThat(page.select("input[name=kode]").val()).isEqualTo("PALSU123");

        Document en = Pages.html(mvc.perform(get("/verifikasi/PALSU123").param("lang", "en")));
        assertThat(en.select("h1").text()).isEqualTo("Letter not found");
        mvc.perform(get("/verifikasi").param("kode", " V7K3P9QX ")).andExpect(redirectedUrl("/verifikasi/V7K3P9QX"));
        Pages.html(mvc.perform(get("/verifikasi")).andExpect(status().isOk()));
    }

    private static void stub(String code, int status, String body) {
        Backends.APPROVAL.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/api/v1/public/letters/" + code)
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type",
                        status == 200 ? "application/json" : "application/problem+json").withBody(body)));
    }
}
