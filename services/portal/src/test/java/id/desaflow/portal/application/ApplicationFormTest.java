package id.desaflow.portal.application;

import id.desaflow.portal.Backends;
import id.desaflow.portal.Catalogues;
import id.desaflow.portal.Pages;
import id.desaflow.portal.PortalTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import java.util.Arrays;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The resident's journey: form built from the catalogue, review, one submission to intake, tracking code. */
class ApplicationFormTest extends PortalTest {
    static final byte[] KTP_JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, (byte) 0xFF, (byte) 0xD9};
    static final String NIK = "3309014107900001";

    MockHttpSession session;

    @BeforeEach
    void catalogue() {
        Catalogues.stub();
        session = new MockHttpSession();
    }

    @Test
    void formIsBuiltFromTheCatalogueWithEveryFieldKindHelpRequiredMarksAndFileLimits() throws Exception {
        Document page = Pages.html(mvc.perform(get("/surat/surat-keterangan-usaha/ajukan")).andExpect(status().isOk()));

        assertThat(page.select("h1").text()).isEqualTo("Ajukan Surat Keterangan Usaha");
        assertThat(page.select("form[method=post][enctype=multipart/form-data]").attr("action"))
                .isEqualTo("/surat/surat-keterangan-usaha/ajukan");
        assertThat(page.select("input[name=kunci]").val()).matches("[0-9a-f-]{36}");
        assertThat(page.select("#f-applicant-nik").attr("inputmode")).isEqualTo("numeric");
        assertThat(page.select("label[for=f-data-namaUsaha] abbr").attr("title")).isEqualTo("wajib");
        assertThat(page.select("#f-data-namaUsaha-hint").text()).isEqualTo("Contoh: Warung Makan Sri Rejeki");
        assertThat(page.select("#f-data-namaUsaha").attr("aria-describedby")).isEqualTo("f-data-namaUsaha-hint");
        assertThat(page.select("textarea#f-data-alamatUsaha").attr("maxlength")).isEqualTo("200");
        assertThat(page.select("#f-data-mulaiUsaha").attr("inputmode")).isEqualTo("numeric");
        assertThat(page.select("#f-data-mulaiUsaha-hint").text()).isEqualTo("1950–2026");
        assertThat(page.select("select#f-data-statusTempat option").eachText())
                .containsExactly("Pilih", "Milik sendiri", "Sewa");
        assertThat(page.select("#f-data-omzet").attr("type")).isEqualTo("text");
        assertThat(page.select("#f-data-omzet").attr("inputmode")).isEqualTo("numeric");
        assertThat(page.select("#f-data-tanggalMulai").attr("type")).isEqualTo("date");
        assertThat(page.select("#f-data-nikPengelola").attr("inputmode")).isEqualTo("numeric");
        assertThat(page.select("#f-data-telepon").attr("type")).isEqualTo("tel");
        assertThat(page.select("#f-data-surel").attr("type")).isEqualTo("email");
        assertThat(page.select("input#f-ktp[type=file]").attr("accept")).isEqualTo("image/jpeg,image/png,application/pdf");
        assertThat(page.select("#f-ktp").hasAttr("required")).isTrue();
        assertThat(page.select("#f-ktp-hint").text()).isEqualTo("JPG, PNG, PDF; maks. 2 MB");
        assertThat(page.select("#f-foto-usaha-hint").text()).isEqualTo("JPG, PNG; maks. 1 MB");
        assertThat(page.select("input[name^=kertas.]")).as("on paper is for the counter only").isEmpty();
        assertThat(page.select("main").text()).contains("Langkah 1 dari 3").contains("Fotokopi KTP");
    }

    @Test
    void englishFormUsesTheCatalogueEnglishLabels() throws Exception {
        Document page = Pages.html(mvc.perform(get("/surat/surat-keterangan-usaha/ajukan").param("lang", "en")));
        assertThat(page.select("h1").text()).isEqualTo("Apply for Business Certificate");
        assertThat(page.select("label[for=f-data-namaUsaha]").text()).startsWith("Business name");
        assertThat(page.select("label[for=f-ktp]").text()).startsWith("ID card photo");
    }

    @Test
    void reviewShowsWhatWasTypedAndKeepsTheDocumentThenSubmitsOnceWithTheFormKey() throws Exception {
        stubAccepted();
        String key = formKey();

        mvc.perform(filledForm(key)).andExpect(status().isSeeOther())
                .andExpect(redirectedUrl("/surat/surat-keterangan-usaha/periksa?kunci=" + key));
        Backends.INTAKE.verify(0, postRequestedFor(urlEqualTo("/api/v1/requests")));

        Document review = Pages.html(mvc.perform(get("/surat/surat-keterangan-usaha/periksa").param("kunci", key)
                .session(session)).andExpect(status().isOk()));
        assertThat(review.select("main").text()).contains("Periksa permohonan Anda").contains(NIK)
                .contains("Siti Aminah").contains("Warung Bu Siti").contains("ktp.jpg (1 KB)")
                .contains("Tidak dilampirkan").contains("Langkah 2 dari 3");
        assertThat(review.select("form[action=/surat/surat-keterangan-usaha/kirim] input[name=kunci]").val())
                .isEqualTo(key);

        mvc.perform(post("/surat/surat-keterangan-usaha/kirim").param("kunci", key).session(session))
                .andExpect(status().isSeeOther()).andExpect(redirectedUrl("/lacak/SKU-7K3P9Q?baru=1"));
        // a double tap, or the back button and "Kirim" again: the same code, intake not asked again
        mvc.perform(post("/surat/surat-keterangan-usaha/kirim").param("kunci", key).session(session))
                .andExpect(status().isSeeOther()).andExpect(redirectedUrl("/lacak/SKU-7K3P9Q?baru=1"));
        mvc.perform(filledForm(key)).andExpect(redirectedUrl("/lacak/SKU-7K3P9Q?baru=1"));

        Backends.INTAKE.verify(1, postRequestedFor(urlEqualTo("/api/v1/requests")));
        Backends.INTAKE.verify(postRequestedFor(urlEqualTo("/api/v1/requests"))
                .withHeader("X-DesaFlow-Channel", equalTo("ONLINE"))
                .withHeader("X-DesaFlow-User", equalTo("nik:" + NIK))
                .withHeader("Idempotency-Key", equalTo(key))
                .withRequestBodyPart(aMultipart().withName("request").withBody(equalToJson("""
                        {"letterType":"surat-keterangan-usaha","villageCode":"3309012004",
                         "applicant":{"nik":"3309014107900001","name":"Siti Aminah","phone":"081234567890"},
                         "data":{"namaUsaha":"Warung Bu Siti","alamatUsaha":"Dusun Bulu RT 02 RW 01"}}""")).build())
                .withRequestBodyPart(aMultipart().withName("ktp").withBody(binaryEqualTo(KTP_JPEG)).build()));
    }

    @Test
    void missingRequiredAnswersAreShownBeforeTheReviewAndTheChosenDocumentIsKept() throws Exception {
        String key = formKey();
        Document page = Pages.html(mvc.perform(multipart("/surat/surat-keterangan-usaha/ajukan")
                        .file(new MockMultipartFile("lampiran.ktp", "ktp.jpg", "image/jpeg", KTP_JPEG))
                        .param("kunci", key).param("applicant.nik", "3309 0141 0790 0001").session(session))
                .andExpect(status().isBadRequest()));

        assertThat(page.select("#ringkasan-galat[role=alert] li").eachText())
                .containsExactly("Nama lengkap wajib diisi.", "Nama usaha wajib diisi.", "Alamat usaha wajib diisi.");
        assertThat(page.select("#f-data-namaUsaha-err").text()).isEqualTo("Nama usaha wajib diisi.");
        assertThat(page.select("#f-data-namaUsaha").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("#f-applicant-nik").val()).isEqualTo(NIK);
        assertThat(page.select("#f-ktp-kept").text()).contains("Sudah dipilih: ktp.jpg (1 KB)");
        assertThat(page.select("#f-ktp").hasAttr("required")).as("kept, need not be chosen again").isFalse();
        assertThat(page.select("input[name=kunci]").val()).isEqualTo(key);
        Backends.INTAKE.verify(0, postRequestedFor(urlEqualTo("/api/v1/requests")));
    }

    @Test
    void documentsThatCannotBeRightAreRefusedByContentAndSize() throws Exception {
        byte[] big = Arrays.copyOf(KTP_JPEG, 1024 * 1024 + 1);
        Document page = Pages.html(mvc.perform(multipart("/surat/surat-keterangan-usaha/ajukan")
                        .file(new MockMultipartFile("lampiran.ktp", "ktp.jpg", "image/jpeg", "<html>".getBytes()))
                        .file(new MockMultipartFile("lampiran.foto-usaha", "usaha.jpg", "image/jpeg", big))
                        .param("kunci", formKey()).param("applicant.nik", NIK).param("applicant.name", "Siti")
                        .param("data.namaUsaha", "Warung").param("data.alamatUsaha", "Bulu").session(session))
                .andExpect(status().isBadRequest()));

        assertThat(page.select("#f-ktp-err").text()).isEqualTo("Foto KTP harus berupa berkas JPG, PNG, PDF; maks. 2 MB.");
        assertThat(page.select("#f-foto-usaha-err").text())
                .isEqualTo("Foto tempat usaha terlalu besar (1.0 MB); paling besar 1 MB. Kecilkan foto atau pindai ulang.");
    }

    @Test
    void intakeFieldErrorsAppearNextToTheirFieldsWithASummaryAndTheValuesKept() throws Exception {
        Backends.INTAKE.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/api/v1/requests")
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/problem+json")
                        .withBody("""
                                {"type":"https://desaflow.id/problems/invalid-input","title":"Isian tidak valid",
                                 "status":400,"errors":[
                                  {"field":"applicant.nik","message":"NIK pemohon tidak valid: tanggal lahir tidak ada"},
                                  {"field":"ktp","message":"Foto KTP rusak atau terpotong"}]}""")));
        String key = formKey();
        mvc.perform(filledForm(key)).andExpect(status().isSeeOther());

        Document page = Pages.html(mvc.perform(post("/surat/surat-keterangan-usaha/kirim").param("kunci", key)
                .session(session)).andExpect(status().isBadRequest()));

        assertThat(page.select("#f-applicant-nik-err").text()).isEqualTo("NIK pemohon tidak valid: tanggal lahir tidak ada");
        assertThat(page.select("#f-applicant-nik").attr("aria-describedby")).isEqualTo("f-applicant-nik-err");
        assertThat(page.select("#f-ktp-err").text()).isEqualTo("Foto KTP rusak atau terpotong");
        assertThat(page.select("#ringkasan-galat a").eachAttr("href")).containsExactly("#f-applicant-nik", "#f-ktp");
        assertThat(page.select("#f-data-namaUsaha").val()).isEqualTo("Warung Bu Siti");
        assertThat(page.select("#f-data-alamatUsaha").text()).isEqualTo("Dusun Bulu RT 02 RW 01");
        assertThat(page.select("#f-ktp-kept").text()).contains("ktp.jpg");
        int nikInput = page.html().indexOf("id=\"f-applicant-nik\"");
        assertThat(page.html().indexOf("id=\"f-applicant-nik-err\"")).isBetween(nikInput,
                page.html().indexOf("id=\"f-applicant-name\""));
    }

    @Test
    void aSecondOpenRequestOfTheSameTypeLinksToTheFirst() throws Exception {
        Backends.INTAKE.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/api/v1/requests")
                .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/problem+json")
                        .withBody("""
                                {"title":"Permohonan masih berjalan","status":409,"existingTrackingCode":"SKU-AB12CD"}""")));
        String key = formKey();
        mvc.perform(filledForm(key));

        Document page = Pages.html(mvc.perform(post("/surat/surat-keterangan-usaha/kirim").param("kunci", key)
                .session(session)).andExpect(status().isConflict()));
        assertThat(page.select("a[href=/lacak/SKU-AB12CD]").text()).isEqualTo("Lihat permohonan SKU-AB12CD");
        assertThat(page.select("[role=alert]").text()).contains("sedang diproses");
    }

    @Test
    void editingFromTheReviewReturnsToTheFilledFormWithTheSameKey() throws Exception {
        String key = formKey();
        mvc.perform(filledForm(key));

        Document page = Pages.html(mvc.perform(get("/surat/surat-keterangan-usaha/ajukan").param("kunci", key)
                .session(session)).andExpect(status().isOk()));
        assertThat(page.select("input[name=kunci]").val()).isEqualTo(key);
        assertThat(page.select("#f-applicant-name").val()).isEqualTo("Siti Aminah");
        assertThat(page.select("#f-ktp-kept").text()).contains("ktp.jpg");
    }

    @Test
    void aLostDraftSaysSoInsteadOfSubmittingNothing() throws Exception {
        Document page = Pages.html(mvc.perform(post("/surat/surat-keterangan-usaha/kirim").param("kunci",
                "5f0c2a8e-0000-4000-8000-000000000000").session(session)).andExpect(status().isGone()));
        assertThat(page.select("h1").text()).isEqualTo("Formulir sudah kedaluwarsa");
        assertThat(page.select("a.button").attr("href")).isEqualTo("/surat/surat-keterangan-usaha/ajukan");
        Backends.INTAKE.verify(0, postRequestedFor(urlEqualTo("/api/v1/requests")));
    }

    @Test
    void unknownLetterTypeIsAFriendlyNotFoundPage() throws Exception {
        Document page = Pages.html(mvc.perform(get("/surat/surat-sakti/ajukan")).andExpect(status().isNotFound()));
        assertThat(page.select("h1").text()).isEqualTo("Jenis surat tidak ditemukan");
    }

    @Test
    void counterOnlyLetterHasNoOnlineFormAndRefusesAPost() throws Exception {
        Document page = Pages.html(mvc.perform(get("/surat/surat-keterangan-kelahiran/ajukan"))
                .andExpect(status().isOk()));
        assertThat(page.select("main").text()).contains("hanya dapat diajukan langsung di kantor desa");
        assertThat(page.select("form[method=post]")).isEmpty();

        mvc.perform(multipart("/surat/surat-keterangan-kelahiran/ajukan").param("kunci", formKey()).session(session))
                .andExpect(status().isNotFound());
    }

    /** Over real HTTP (Tomcat's multipart parsing, the servlet filters), as a phone's browser sends the form. */
    @Test
    void aRealBrowserStyleMultipartPostIsParsedAndTheApiProxyStillRelaysMultipartUntouched() throws Exception {
        var form = new org.springframework.util.LinkedMultiValueMap<String, Object>();
        form.add("kunci", "5f0c2a8e-1111-4000-8000-000000000000");
        form.add("applicant.nik", NIK);
        form.add("applicant.name", "Siti Aminah");
        form.add("data.namaUsaha", "Warung Bu Siti");
        form.add("data.alamatUsaha", "Dusun Bulu RT 02 RW 01");
        form.add("lampiran.ktp", new org.springframework.core.io.ByteArrayResource(KTP_JPEG) {
            @Override
            public String getFilename() {
                return "ktp.jpg";
            }
        });
        // as a browser: the form page gives the session and its CSRF token, the upload carries both
        var browser = org.springframework.web.client.RestClient.create("http://localhost:" + port);
        var formPage = browser.get().uri("/surat/surat-keterangan-usaha/ajukan").retrieve().toEntity(String.class);
        String cookie = formPage.getHeaders().getFirst("Set-Cookie").split(";")[0];
        form.add("_csrf", org.jsoup.Jsoup.parse(formPage.getBody()).selectFirst("input[name=_csrf]").attr("value"));
        var response = browser
                .post().uri("/surat/surat-keterangan-usaha/ajukan").header("Cookie", cookie)
                .contentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA).body(form)
                .retrieve().onStatus(s -> true, (req, res) -> { }).toEntity(String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(303);
        assertThat(response.getHeaders().getLocation().toString()).endsWith("/periksa?kunci=5f0c2a8e-1111-4000-8000-000000000000");

        stubAccepted();
        var api = new org.springframework.util.LinkedMultiValueMap<String, Object>();
        var json = new org.springframework.http.HttpHeaders();
        json.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        api.add("request", new org.springframework.http.HttpEntity<>("{\"letterType\":\"x\"}", json));
        api.add("ktp", form.getFirst("lampiran.ktp"));
        var relayed = org.springframework.web.client.RestClient.create("http://localhost:" + port)
                .post().uri("/api/v1/requests").contentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA)
                .body(api).retrieve().toEntity(String.class);
        assertThat(relayed.getStatusCode().value()).isEqualTo(202);
        Backends.INTAKE.verify(postRequestedFor(urlEqualTo("/api/v1/requests"))
                .withRequestBodyPart(aMultipart().withName("request").withBody(equalToJson("{\"letterType\":\"x\"}")).build())
                .withRequestBodyPart(aMultipart().withName("ktp").withBody(binaryEqualTo(KTP_JPEG)).build()));
    }

    private String formKey() throws Exception {
        return Pages.html(mvc.perform(get("/surat/surat-keterangan-usaha/ajukan").session(session)))
                .select("input[name=kunci]").val();
    }

    private MockMultipartHttpServletRequestBuilder filledForm(String key) {
        return (MockMultipartHttpServletRequestBuilder) multipart("/surat/surat-keterangan-usaha/ajukan")
                .file(new MockMultipartFile("lampiran.ktp", "ktp.jpg", "image/jpeg", KTP_JPEG))
                .param("kunci", key)
                .param("villageCode", "3309012004")
                .param("applicant.nik", " 3309014107900001 ")
                .param("applicant.name", "Siti Aminah")
                .param("applicant.phone", "081234567890")
                .param("applicant.email", "  ")
                .param("data.namaUsaha", "Warung Bu Siti")
                .param("data.alamatUsaha", "Dusun Bulu RT 02 RW 01")
                .param("data.mulaiUsaha", "")
                .param("data.bukanIsian", "diabaikan")
                .session(session);
    }

    private static void stubAccepted() {
        Backends.INTAKE.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/api/v1/requests")
                .willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json")
                        .withBody("{\"requestId\":\"0b7e\",\"trackingCode\":\"SKU-7K3P9Q\",\"status\":\"DIAJUKAN\"}")));
    }
}
