package id.desaflow.portal.counter;

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
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The counter: find the resident, pick any letter (counter-only too), submit as COUNTER, print the receipt. */
class CounterPagesTest extends PortalTest {
    static final String OPERATOR = "demo-beji-operator";
    static final String NIK = "3309016108790002";
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, (byte) 0xFF, (byte) 0xD9};

    MockHttpSession session;

    @BeforeEach
    void operatorAtTheDesk() throws Exception {
        Catalogues.stub();
        session = Pages.signIn(mvc, OPERATOR);
    }

    @Test
    void theCounterIsForSignedInOfficials() throws Exception {
        mvc.perform(get("/loket")).andExpect(status().isSeeOther()).andExpect(redirectedUrl("/masuk?lanjut=%2Floket"));
        Backends.VERIFICATION.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void searchingByNameShowsMaskedHitsAndPickingOnePrefillsTheNameAndHintsTheMaskedNik() throws Exception {
        Backends.VERIFICATION.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                        urlPathEqualTo("/api/v1/registry/3309012004/residents/search"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        [{"nik":"3309**********02","name":"Sri Wahyuni","birthDate":"1979-08-21","sex":"P",
                          "dusun":"Beji","rt":"001","rw":"001","kkNumber":"3309**********01","alive":true,
                          "status":"AKTIF"},
                         {"nik":"3309**********07","name":"Sri Wahyuningsih","birthDate":"1950-01-02","sex":"P",
                          "dusun":"Bulu","rt":"002","rw":"001","alive":false}]""")));

        // the search is posted (a NIK or name never goes into a URL) and the results page comes after a 303
        mvc.perform(post("/loket").session(session).param("q", " sri wah "))
                .andExpect(status().isSeeOther()).andExpect(redirectedUrl("/loket"));
        Document results = Pages.html(mvc.perform(get("/loket").session(session).with(request -> {
            request.setRemoteAddr("203.0.113.20"); // the browser at the counter
            return request;
        })).andExpect(status().isOk()));

        assertThat(results.select("form[role=search]").attr("method")).isEqualTo("post");
        assertThat(results.select("#q").val()).isEqualTo("sri wah");
        Backends.VERIFICATION.verify(postRequestedFor(urlEqualTo("/api/v1/registry/3309012004/residents/search"))
                .withRequestBody(equalToJson("{\"q\":\"sri wah\",\"size\":20}"))
                .withHeader("X-Forwarded-For", equalTo("203.0.113.20")) // for the services' audit "from where"
                .withHeader("X-DesaFlow-User", equalTo(OPERATOR))
                .withHeader("X-DesaFlow-Groups", equalTo("desa:3309012004:operator")));
        assertThat(results.select("#hasil-cari").text()).isEqualTo("2 warga ditemukan");
        assertThat(results.select("#warga-0").text()).contains("Sri Wahyuni").contains("3309**********02")
                .contains("Dusun Beji, RT 001/RW 001");
        assertThat(results.select("#warga-1").text()).contains("Tercatat meninggal dunia");

        mvc.perform(post("/loket/pemohon").session(session).param("nik", "3309**********02")
                        .param("nama", "Sri Wahyuni").param("dusun", "Beji"))
                .andExpect(status().isSeeOther()).andExpect(redirectedUrl("/loket/surat"));
        Document letters = Pages.html(mvc.perform(get("/loket/surat").session(session)));
        assertThat(letters.select("#surat-surat-keterangan-kelahiran").text())
                .isEqualTo("Surat Keterangan Kelahiran · Khusus loket");
        assertThat(letters.select("main .card").text()).contains("Sri Wahyuni");

        Document form = Pages.html(mvc.perform(get("/loket/surat/surat-keterangan-usaha").session(session)));
        assertThat(form.select("#f-applicant-name").val()).isEqualTo("Sri Wahyuni");
        assertThat(form.select("#f-applicant-nik").val()).isEmpty();
        assertThat(form.select("#f-applicant-nik-hint").text())
                .isEqualTo("Ketik NIK dari KTP warga; di data penduduk: 3309**********02");
    }

    @Test
    void aShortQueryIsExplainedNotSent() throws Exception {
        Document page = Pages.html(mvc.perform(post("/loket").session(session).param("q", "s"))
                .andExpect(status().isBadRequest()));
        assertThat(page.select("#q-err").text()).isEqualTo("Ketik paling sedikit 2 karakter.");
        Backends.VERIFICATION.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aCounterOnlyLetterIsSubmittedAsCounterWithPaperDocumentsAndTheReceiptIsPrintable() throws Exception {
        mvc.perform(post("/loket/pemohon").session(session).param("nik", NIK).param("nama", "Sri Wahyuni"));
        Document form = Pages.html(mvc.perform(get("/loket/surat/surat-keterangan-kelahiran").session(session))
                .andExpect(status().isOk()));
        assertThat(form.select("#f-applicant-nik").val()).isEqualTo(NIK);
        assertThat(form.select("#f-surat-bidan-kertas").attr("name")).isEqualTo("kertas.surat-bidan");
        assertThat(form.select("#f-surat-bidan").hasAttr("required")).as("paper is an alternative").isFalse();
        String key = form.select("input[name=kunci]").val();

        Backends.INTAKE.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/api/v1/requests")
                .willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json")
                        .withBody("{\"requestId\":\"r-9\",\"trackingCode\":\"LHR-4Q7W2E\",\"status\":\"DIAJUKAN\"}")));
        mvc.perform(multipart("/loket/surat/surat-keterangan-kelahiran").session(session).param("kunci", key)
                        .param("applicant.nik", NIK).param("applicant.name", "Sri Wahyuni")
                        .param("data.namaBayi", "Bayu").param("kertas.surat-bidan", "1"))
                .andExpect(status().isSeeOther()).andExpect(redirectedUrl("/loket/tanda-terima/LHR-4Q7W2E"));
        Backends.INTAKE.verify(postRequestedFor(urlEqualTo("/api/v1/requests"))
                .withHeader("X-DesaFlow-Channel", equalTo("COUNTER"))
                .withHeader("X-DesaFlow-User", equalTo(OPERATOR))
                .withHeader("X-DesaFlow-Groups", equalTo("desa:3309012004:operator"))
                .withHeader("Idempotency-Key", equalTo(key))
                .withRequestBodyPart(aMultipart().withName("request").withBody(equalToJson("""
                        {"letterType":"surat-keterangan-kelahiran","villageCode":"3309012004",
                         "applicant":{"nik":"3309016108790002","name":"Sri Wahyuni"},"data":{"namaBayi":"Bayu"},
                         "attachmentsOnPaper":["surat-bidan"]}""")).build()));

        Backends.INTAKE.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        "/api/v1/requests/LHR-4Q7W2E/details")
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"trackingCode":"LHR-4Q7W2E","status":"DIAJUKAN","letterType":"surat-keterangan-kelahiran",
                         "letterTypeLabel":"Surat Keterangan Kelahiran","submittedAt":"2026-11-23T02:00:00Z",
                         "channel":"COUNTER","applicant":{"nik":"3309********0002","name":"Sri Wahyuni"},
                         "attachments":[],"attachmentsOnPaper":[{"kind":"surat-bidan","label":"Surat keterangan bidan"}]}""")));
        Document receipt = Pages.html(mvc.perform(get("/loket/tanda-terima/LHR-4Q7W2E").session(session))
                .andExpect(status().isOk()));
        assertThat(receipt.select("#kode-lacak").text()).isEqualTo("LHR-4Q7W2E");
        assertThat(receipt.select("svg.qr").attr("aria-label")).isEqualTo("Kode QR menuju halaman lacak LHR-4Q7W2E");
        assertThat(receipt.select(".receipt dl").text()).contains("Surat Keterangan Kelahiran")
                .contains("23 Nov 2026 09.00 WIB").contains("Sri Wahyuni").contains("3309********0002")
                .contains("Rina Kusumawati");
        assertThat(receipt.select(".receipt").text()).contains("Surat keterangan bidan")
                .contains("bawa tanda terima ini dan KTP asli pemohon").contains("http://localhost:8080/lacak");
        assertThat(receipt.select("button[onclick]").text()).isEqualTo("Cetak tanda terima");
        assertThat(receipt.select(".no-print")).hasSizeGreaterThanOrEqualTo(2);
        Backends.INTAKE.verify(getRequestedFor(urlEqualTo("/api/v1/requests/LHR-4Q7W2E/details"))
                .withHeader("X-DesaFlow-User", equalTo(OPERATOR)));

        // the next resident starts fresh, and a second tap on the old form cannot submit twice
        assertThat(Pages.html(mvc.perform(get("/loket").session(session))).select("main .card")).isEmpty();
        mvc.perform(multipart("/loket/surat/surat-keterangan-kelahiran").session(session).param("kunci", key))
                .andExpect(redirectedUrl("/loket/tanda-terima/LHR-4Q7W2E"));
        Backends.INTAKE.verify(1, postRequestedFor(urlEqualTo("/api/v1/requests")));
    }

    @Test
    void aMissingDocumentNeitherUploadedNorOnPaperIsCaughtAndAnUploadIsRelayed() throws Exception {
        Document missing = Pages.html(mvc.perform(multipart("/loket/surat/surat-keterangan-kelahiran")
                .session(session).param("kunci", "5f0c2a8e-2222-4000-8000-000000000000").param("applicant.nik", NIK)
                .param("applicant.name", "Sri").param("data.namaBayi", "Bayu")).andExpect(status().isBadRequest()));
        assertThat(missing.select("#f-surat-bidan-err").text())
                .isEqualTo("Surat keterangan bidan wajib diunggah atau ditandai dibawa ke kantor.");

        Backends.INTAKE.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/api/v1/requests")
                .willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json")
                        .withBody("{\"trackingCode\":\"LHR-5R8T1Y\"}")));
        mvc.perform(multipart("/loket/surat/surat-keterangan-kelahiran")
                        .file(new MockMultipartFile("lampiran.surat-bidan", "bidan.jpg", "image/jpeg", JPEG))
                        .session(session).param("kunci", "5f0c2a8e-2222-4000-8000-000000000000")
                        .param("applicant.nik", NIK).param("applicant.name", "Sri").param("data.namaBayi", "Bayu")
                        .param("kertas.surat-bidan", "1"))
                .andExpect(redirectedUrl("/loket/tanda-terima/LHR-5R8T1Y"));
        Backends.INTAKE.verify(postRequestedFor(urlEqualTo("/api/v1/requests"))
                .withRequestBodyPart(aMultipart().withName("request").withBody(equalToJson("""
                        {"letterType":"surat-keterangan-kelahiran","villageCode":"3309012004",
                         "applicant":{"nik":"3309016108790002","name":"Sri"},"data":{"namaBayi":"Bayu"}}""")).build())
                .withRequestBodyPart(aMultipart().withName("surat-bidan").withBody(binaryEqualTo(JPEG)).build()));
    }
}
