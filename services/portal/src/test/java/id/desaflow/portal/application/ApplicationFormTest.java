package id.desaflow.portal.application;

import id.desaflow.portal.Backends;
import id.desaflow.portal.Catalogues;
import id.desaflow.portal.PortalTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ApplicationFormTest extends PortalTest {
    static final byte[] KTP_JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, (byte) 0xFF, (byte) 0xD9};

    @BeforeEach
    void catalogue() {
        Catalogues.stub();
    }

    @Test
    void formIsBuiltFromTheCatalogueFields() throws Exception {
        String html = mvc.perform(get("/surat/surat-keterangan-usaha/ajukan")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("Ajukan Surat Keterangan Usaha")
                .contains("name=\"data.namaUsaha\"").contains("<label for=\"f-data-namaUsaha\"")
                .contains("<textarea id=\"f-data-alamatUsaha\" name=\"data.alamatUsaha\"")
                .contains("name=\"applicant.nik\"").contains("name=\"applicant.name\"")
                .contains("name=\"applicant.phone\"").contains("name=\"applicant.email\"")
                .contains("<option value=\"3309012004\" selected=\"selected\">Desa Beji</option>")
                .contains("method=\"post\" enctype=\"multipart/form-data\" action=\"/surat/surat-keterangan-usaha/ajukan\"")
                .contains("<input type=\"file\" id=\"f-ktp\" name=\"lampiran.ktp\" accept=\"image/jpeg,image/png,application/pdf\" aria-describedby=\"f-ktp-hint\" required=\"required\">")
                .contains("name=\"lampiran.foto-usaha\" accept=\"image/jpeg,image/png\"")
                .contains("JPG, PNG, PDF; maks. 2 MB")
                .contains("<option value=\"Sewa\">Sewa</option>")
                .contains("name=\"idempotencyKey\"");
        assertThat(html.length()).isLessThan(MAX_PAGE_BYTES);
    }

    @Test
    void submittingPostsTheRequestAndItsDocumentsAsMultipartAndRedirectsToTheTrackingPage() throws Exception {
        Backends.INTAKE.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/api/v1/requests")
                .willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json")
                        .withHeader("Location", "/api/v1/requests/SKU-7K3P9Q")
                        .withBody("{\"requestId\":\"0b7e\",\"trackingCode\":\"SKU-7K3P9Q\"}")));

        mvc.perform(filledForm().param("applicant.email", "  ").param("idempotencyKey", "5f0c2a8e-form-key"))
                .andExpect(status().isSeeOther())
                .andExpect(redirectedUrl("/lacak/SKU-7K3P9Q?baru=1"));

        Backends.INTAKE.verify(postRequestedFor(urlEqualTo("/api/v1/requests"))
                .withHeader("X-DesaFlow-Channel", equalTo("ONLINE"))
                .withHeader("Idempotency-Key", equalTo("5f0c2a8e-form-key"))
                .withRequestBodyPart(aMultipart().withName("request").withBody(equalToJson("""
                        {"letterType":"surat-keterangan-usaha","villageCode":"3309012004",
                         "applicant":{"nik":"3309014107900001","name":"Siti Aminah","phone":"081234567890"},
                         "data":{"namaUsaha":"Warung Bu Siti","alamatUsaha":"Dusun Bulu RT 02 RW 01"}}""")).build())
                .withRequestBodyPart(aMultipart().withName("ktp").withBody(binaryEqualTo(KTP_JPEG)).build()));
    }

    /** Over real HTTP (Tomcat's multipart parsing, the servlet filters), as a phone's browser sends the form. */
    @Test
    void aRealBrowserStyleMultipartPostReachesIntakeWithItsFieldsAndFiles() throws Exception {
        Backends.INTAKE.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/api/v1/requests")
                .willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json")
                        .withBody("{\"requestId\":\"0b7e\",\"trackingCode\":\"SKU-7K3P9Q\"}")));
        var form = new org.springframework.util.LinkedMultiValueMap<String, Object>();
        form.add("villageCode", "3309012004");
        form.add("applicant.nik", "3309014107900001");
        form.add("applicant.name", "Siti Aminah");
        form.add("data.namaUsaha", "Warung Bu Siti");
        form.add("data.alamatUsaha", "Dusun Bulu RT 02 RW 01");
        form.add("lampiran.ktp", new org.springframework.core.io.ByteArrayResource(KTP_JPEG) {
            @Override
            public String getFilename() {
                return "ktp.jpg";
            }
        });
        var response = org.springframework.web.client.RestClient.create("http://localhost:" + port)
                .post().uri("/surat/surat-keterangan-usaha/ajukan")
                .contentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA).body(form)
                .retrieve().onStatus(s -> true, (req, res) -> { }).toEntity(String.class);

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(303);
        Backends.INTAKE.verify(postRequestedFor(urlEqualTo("/api/v1/requests"))
                .withRequestBodyPart(aMultipart().withName("request").withBody(equalToJson("""
                        {"letterType":"surat-keterangan-usaha","villageCode":"3309012004",
                         "applicant":{"nik":"3309014107900001","name":"Siti Aminah"},
                         "data":{"namaUsaha":"Warung Bu Siti","alamatUsaha":"Dusun Bulu RT 02 RW 01"}}""")).build())
                .withRequestBodyPart(aMultipart().withName("ktp").withBody(binaryEqualTo(KTP_JPEG)).build()));

        // the API proxy still relays a multipart body untouched (parsing is lazy, only pages read parts)
        Backends.INTAKE.resetRequests();
        var api = new org.springframework.util.LinkedMultiValueMap<String, Object>();
        api.add("request", new org.springframework.http.HttpEntity<>("{\"letterType\":\"x\"}",
                jsonHeaders()));
        api.add("ktp", form.getFirst("lampiran.ktp"));
        var relayed = org.springframework.web.client.RestClient.create("http://localhost:" + port)
                .post().uri("/api/v1/requests").contentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA)
                .body(api).retrieve().toEntity(String.class);
        assertThat(relayed.getStatusCode().value()).isEqualTo(202);
        Backends.INTAKE.verify(postRequestedFor(urlEqualTo("/api/v1/requests"))
                .withRequestBodyPart(aMultipart().withName("request").withBody(equalToJson("{\"letterType\":\"x\"}")).build())
                .withRequestBodyPart(aMultipart().withName("ktp").withBody(binaryEqualTo(KTP_JPEG)).build()));
    }

    private static org.springframework.http.HttpHeaders jsonHeaders() {
        var headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        return headers;
    }

    @Test
    void aSecondOpenRequestPointsToTheFirst() throws Exception {
        Backends.INTAKE.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/api/v1/requests")
                .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/problem+json")
                        .withBody("""
                                {"title":"Permohonan masih berjalan","status":409,
                                 "existingTrackingCode":"SKU-AB12CD"}""")));

        String html = mvc.perform(filledForm()).andExpect(status().isConflict())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("href=\"/lacak/SKU-AB12CD\"").contains("sedang diproses");
    }

    @Test
    void fieldErrorsAreShownNextToTheirFieldsAndValuesAreKept() throws Exception {
        Backends.INTAKE.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/api/v1/requests")
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/problem+json")
                        .withBody("""
                                {"type":"https://desaflow.id/problems/invalid-input","title":"Isian tidak valid",
                                 "status":400,"errors":[
                                  {"field":"applicant.nik","message":"Tanggal lahir dalam NIK tidak valid"},
                                  {"field":"data.namaUsaha","message":"Nama usaha terlalu panjang"}]}""")));

        String html = mvc.perform(filledForm()).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("<p class=\"error\" id=\"f-applicant-nik-err\">Tanggal lahir dalam NIK tidak valid</p>")
                .contains("<p class=\"error\" id=\"f-data-namaUsaha-err\">Nama usaha terlalu panjang</p>")
                .contains("aria-describedby=\"f-applicant-nik-err\"")
                .contains("href=\"#f-data-namaUsaha\"")
                .contains("value=\"3309014107900001\"").contains("value=\"Warung Bu Siti\"")
                .contains(">Dusun Bulu RT 02 RW 01</textarea>")
                .doesNotContain("f-applicant-name-err");
        int nikInput = html.indexOf("id=\"f-applicant-nik\"");
        assertThat(html.indexOf("id=\"f-applicant-nik-err\"")).isBetween(nikInput, html.indexOf("id=\"f-applicant-name\""));
    }

    @Test
    void unknownLetterTypeIsAFriendlyNotFoundPage() throws Exception {
        String html = mvc.perform(get("/surat/surat-sakti/ajukan")).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Jenis surat tidak ditemukan");
    }

    @Test
    void counterOnlyLetterHasNoOnlineForm() throws Exception {
        String html = mvc.perform(get("/surat/surat-keterangan-kelahiran/ajukan")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("hanya dapat diajukan langsung di kantor desa").doesNotContain("<form method=\"post\"");
    }

    private static MockHttpServletRequestBuilder filledForm() {
        return multipart("/surat/surat-keterangan-usaha/ajukan")
                .file(new MockMultipartFile("lampiran.ktp", "ktp.jpg", "image/jpeg", KTP_JPEG))
                .param("villageCode", "3309012004")
                .param("applicant.nik", " 3309014107900001 ")
                .param("applicant.name", "Siti Aminah")
                .param("applicant.phone", "081234567890")
                .param("data.namaUsaha", "Warung Bu Siti")
                .param("data.alamatUsaha", "Dusun Bulu RT 02 RW 01")
                .param("data.lamaUsaha", "")
                .param("data.bukanIsian", "diabaikan");
    }
}
