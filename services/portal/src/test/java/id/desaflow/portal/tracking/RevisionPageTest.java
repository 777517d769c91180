package id.desaflow.portal.tracking;

import id.desaflow.portal.Backends;
import id.desaflow.portal.Catalogues;
import id.desaflow.portal.PortalTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class RevisionPageTest extends PortalTest {
    static final String NIK = "3309016108790002";
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, (byte) 0xFF, (byte) 0xD9};
    static final String DETAILS = """
            {"trackingCode":"SKU-AB12CD","status":"PERLU_PERBAIKAN","letterType":"surat-keterangan-usaha",
             "revisionComment":null,"revisionProblems":[{"field":"nama-sesuai","message":"Tulis nama persis seperti di KTP"}],
             "applicant":{"nik":"3309********0002","name":"Sri Wahyu","phone":"0812****7890","email":null},
             "data":{"namaUsaha":"Warung Sri","alamatUsaha":"Dusun Beji RT 01"}}""";

    @BeforeEach
    void stubs() {
        Catalogues.stub();
        Backends.INTAKE.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        urlEqualTo("/api/v1/requests/SKU-AB12CD/details"))
                .withHeader("X-DesaFlow-User", equalTo("nik:" + NIK))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(DETAILS)));
        Backends.INTAKE.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        urlEqualTo("/api/v1/requests/SKU-AB12CD/details"))
                .withHeader("X-DesaFlow-User", equalTo("nik:3309016108790099"))
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":403}")));
    }

    @Test
    void theResidentConfirmsWithTheirNikAndGetsAPrefilledFormWithoutTheirPersonalDataInTheUrl() throws Exception {
        assertThat(mvc.perform(get("/lacak/SKU-AB12CD/perbaiki")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("name=\"nik\"");

        String wrong = mvc.perform(post("/lacak/SKU-AB12CD/perbaiki").param("nik", "3309016108790099"))
                .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString();
        assertThat(wrong).contains("NIK tidak cocok dengan permohonan ini");

        String form = mvc.perform(post("/lacak/SKU-AB12CD/perbaiki").param("nik", NIK))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("Tulis nama persis seperti di KTP").contains("value=\"Sri Wahyu\"")
                .contains("value=\"Warung Sri\"").contains("name=\"lampiran.ktp\"")
                .doesNotContain("required=\"required\" aria-describedby=\"f-ktp") // documents given need not be re-chosen
                .contains("enctype=\"multipart/form-data\"");
    }

    @Test
    void theCorrectionGoesToIntakeAsTheResidentWithNewDocumentsAndContactsLeftOut() throws Exception {
        Backends.INTAKE.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                        "/api/v1/requests/SKU-AB12CD/revision")
                .willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json")
                        .withBody("{\"trackingCode\":\"SKU-AB12CD\",\"status\":\"DIAJUKAN\"}")));

        mvc.perform(multipart("/lacak/SKU-AB12CD/perbaiki")
                        .file(new MockMultipartFile("lampiran.ktp", "ktp.jpg", "image/jpeg", JPEG))
                        .param("nik", NIK).param("langkah", "kirim").param("applicant.name", "Sri Wahyuni")
                        .param("applicant.phone", "").param("data.namaUsaha", "Warung Sri")
                        .param("data.alamatUsaha", "Dusun Beji RT 01"))
                .andExpect(status().isSeeOther()).andExpect(redirectedUrl("/lacak/SKU-AB12CD?diperbaiki=1"));

        Backends.INTAKE.verify(postRequestedFor(urlEqualTo("/api/v1/requests/SKU-AB12CD/revision"))
                .withHeader("X-DesaFlow-User", equalTo("nik:" + NIK))
                .withRequestBodyPart(aMultipart().withName("request").withBody(equalToJson("""
                        {"applicant":{"nik":"3309016108790002","name":"Sri Wahyuni"},
                         "data":{"namaUsaha":"Warung Sri","alamatUsaha":"Dusun Beji RT 01"}}""")).build())
                .withRequestBodyPart(aMultipart().withName("ktp").withBody(binaryEqualTo(JPEG)).build()));
    }

    @Test
    void theStatusPageSaysWhatToFixAndLinksToTheCorrection() throws Exception {
        Backends.INTAKE.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        urlEqualTo("/api/v1/requests/SKU-AB12CD"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"trackingCode":"SKU-AB12CD","status":"PERLU_PERBAIKAN","letterType":"surat-keterangan-usaha",
                         "revisionProblems":[{"field":"lampiran-wajib","message":"Dokumen wajib belum ada: KTP"}],
                         "timeline":[]}""")));

        String html = mvc.perform(get("/lacak/SKU-AB12CD")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Dokumen wajib belum ada: KTP").contains("href=\"/lacak/SKU-AB12CD/perbaiki\"");
    }
}
