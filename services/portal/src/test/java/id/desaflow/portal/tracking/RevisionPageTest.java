package id.desaflow.portal.tracking;

import id.desaflow.portal.Backends;
import id.desaflow.portal.Catalogues;
import id.desaflow.portal.Pages;
import id.desaflow.portal.PortalTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
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

/** "Perbaiki permohonan": the applicant's NIK opens a pre-filled correction form; the correction goes to intake. */
class RevisionPageTest extends PortalTest {
    static final String NIK = "3309016108790002";
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, (byte) 0xFF, (byte) 0xD9};
    static final String DETAILS = """
            {"trackingCode":"SKU-AB12CD","status":"PERLU_PERBAIKAN","letterType":"surat-keterangan-usaha",
             "revisionComment":"Tulis nama persis seperti di KTP",
             "revisionProblems":[{"field":"nama-sesuai","message":"Nama tidak sama dengan data penduduk"}],
             "applicant":{"nik":"3309********0002","name":"Sri Wahyu","phone":"0812****7890","email":null},
             "data":{"namaUsaha":"Warung Sri","alamatUsaha":"Dusun Beji RT 01"},
             "attachments":[{"id":"a1","kind":"ktp","contentType":"image/jpeg","sizeBytes":8}]}""";

    MockHttpSession session = new MockHttpSession();

    @BeforeEach
    void stubs() {
        Catalogues.stub();
        stubDetails("SKU-AB12CD", NIK, 200, DETAILS);
        stubDetails("SKU-AB12CD", "3309016108790099", 403, "{\"status\":403}");
    }

    static void stubDetails(String code, String nik, int status, String body) {
        Backends.INTAKE.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        urlEqualTo("/api/v1/requests/" + code + "/details"))
                .withHeader("X-DesaFlow-User", equalTo("nik:" + nik))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type",
                        status == 200 ? "application/json" : "application/problem+json").withBody(body)));
    }

    @Test
    void withoutProofTheCorrectionAsksForTheNikAndAWrongNikIsRefusedWithoutSayingWhy() throws Exception {
        mvc.perform(get("/lacak/SKU-AB12CD/perbaiki").session(session)).andExpect(status().isSeeOther())
                .andExpect(redirectedUrl("/lacak/SKU-AB12CD/konfirmasi?lanjut=perbaiki"));
        Document ask = Pages.html(mvc.perform(get("/lacak/SKU-AB12CD/konfirmasi").param("lanjut", "perbaiki")));
        assertThat(ask.select("main p").first().text()).contains("memperbaiki permohonan SKU-AB12CD");

        Document wrong = Pages.html(mvc.perform(post("/lacak/SKU-AB12CD/konfirmasi").session(session)
                .param("lanjut", "perbaiki").param("nik", "3309016108790099")).andExpect(status().isForbidden()));
        assertThat(wrong.select("#f-nik-err").text()).contains("NIK tidak cocok dengan permohonan ini");
        Document invalid = Pages.html(mvc.perform(post("/lacak/SKU-AB12CD/konfirmasi").session(session)
                .param("lanjut", "perbaiki").param("nik", "12")).andExpect(status().isBadRequest()));
        assertThat(invalid.select("#f-nik-err").text()).isEqualTo("NIK harus 16 angka.");
        mvc.perform(get("/lacak/SKU-AB12CD/perbaiki").session(session)).andExpect(status().isSeeOther());
    }

    @Test
    void theRightNikOpensAPrefilledFormWithWhatToFixAndNoPersonalDataInTheUrl() throws Exception {
        mvc.perform(post("/lacak/SKU-AB12CD/konfirmasi").session(session).param("lanjut", "perbaiki")
                        .param("nik", "3309 0161 0879 0002"))
                .andExpect(status().isSeeOther()).andExpect(redirectedUrl("/lacak/SKU-AB12CD/perbaiki"));

        Document form = Pages.html(mvc.perform(get("/lacak/SKU-AB12CD/perbaiki").session(session))
                .andExpect(status().isOk()));
        assertThat(form.select("[role=note]").text()).contains("Tulis nama persis seperti di KTP")
                .contains("Nama tidak sama dengan data penduduk");
        assertThat(form.select("#f-applicant-name").val()).isEqualTo("Sri Wahyu");
        assertThat(form.select("#f-data-namaUsaha").val()).isEqualTo("Warung Sri");
        assertThat(form.select("#f-applicant-phone").val()).as("masked contacts are not refilled").isEmpty();
        assertThat(form.select("input[name=lampiran.ktp]").hasAttr("required")).isFalse();
        assertThat(form.select("form").attr("enctype")).isEqualTo("multipart/form-data");
    }

    @Test
    void theCorrectionGoesToIntakeAsTheResidentWithNewDocumentsAndEmptyContactsLeftOut() throws Exception {
        Backends.INTAKE.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                        "/api/v1/requests/SKU-AB12CD/revision")
                .willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json")
                        .withBody("{\"trackingCode\":\"SKU-AB12CD\",\"status\":\"DIAJUKAN\"}")));
        mvc.perform(post("/lacak/SKU-AB12CD/konfirmasi").session(session).param("nik", NIK));

        mvc.perform(multipart("/lacak/SKU-AB12CD/perbaiki")
                        .file(new MockMultipartFile("lampiran.ktp", "ktp.jpg", "image/jpeg", JPEG)).session(session)
                        .param("applicant.name", "Sri Wahyuni").param("applicant.phone", "")
                        .param("data.namaUsaha", "Warung Sri").param("data.alamatUsaha", "Dusun Beji RT 01"))
                .andExpect(status().isSeeOther()).andExpect(redirectedUrl("/lacak/SKU-AB12CD?diperbaiki=1"));

        Backends.INTAKE.verify(postRequestedFor(urlEqualTo("/api/v1/requests/SKU-AB12CD/revision"))
                .withHeader("X-DesaFlow-User", equalTo("nik:" + NIK))
                .withRequestBodyPart(aMultipart().withName("request").withBody(equalToJson("""
                        {"applicant":{"nik":"3309016108790002","name":"Sri Wahyuni"},
                         "data":{"namaUsaha":"Warung Sri","alamatUsaha":"Dusun Beji RT 01"}}""")).build())
                .withRequestBodyPart(aMultipart().withName("ktp").withBody(binaryEqualTo(JPEG)).build()));
    }

    @Test
    void aRefusedCorrectionComesBackWithTheErrorsAndALateOneGoesToTheStatus() throws Exception {
        mvc.perform(post("/lacak/SKU-AB12CD/konfirmasi").session(session).param("nik", NIK));
        Backends.INTAKE.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                        "/api/v1/requests/SKU-AB12CD/revision")
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":400,\"errors\":[{\"field\":\"data.namaUsaha\",\"message\":\"Nama usaha wajib diisi\"}]}")));

        Document page = Pages.html(mvc.perform(multipart("/lacak/SKU-AB12CD/perbaiki").session(session)
                .param("applicant.name", "Sri Wahyuni")).andExpect(status().isBadRequest()));
        assertThat(page.select("#f-data-namaUsaha-err").text()).isEqualTo("Nama usaha wajib diisi");

        Backends.INTAKE.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                        "/api/v1/requests/SKU-AB12CD/revision")
                .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":409}")));
        mvc.perform(multipart("/lacak/SKU-AB12CD/perbaiki").session(session).param("applicant.name", "Sri"))
                .andExpect(status().isSeeOther()).andExpect(redirectedUrl("/lacak/SKU-AB12CD"));
    }
}
