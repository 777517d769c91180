package id.desaflow.verification;

import id.desaflow.platform.security.Actor;
import id.desaflow.platform.test.security.AuthorizationMatrix;
import id.desaflow.platform.test.security.TestActors;
import id.desaflow.platform.test.security.TestTokenIssuer;
import id.desaflow.platform.test.security.TestTokens;
import id.desaflow.verification.registry.Resident;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.List;

import static id.desaflow.platform.test.security.TestActors.VILLAGE_X;
import static id.desaflow.verification.TestResidents.resident;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue 3: every verification endpoint x every kind of caller, with real signed tokens. The registry is a whole
 * village's personal data: never for residents, readable by the village's officials, corrected by those who keep it,
 * imported by its administrators.
 */
@TestTokenIssuer
@DirtiesContext
class AuthorizationMatrixTest extends ServiceTestSupport {
    private static final String CSV = "nik,nama,no_kk,tempat_lahir,tanggal_lahir,jenis_kelamin,alamat,rt,rw,dusun,"
            + "kode_desa,status,hubungan,status_kawin,pekerjaan,status_kesejahteraan\n";

    @Autowired
    MockMvc mvc;

    private Resident warga;
    private String requestId;
    private String importId;

    @BeforeAll
    void fixtures() throws Exception {
        warga = registered(resident("Warga Matriks"));
        requestId = newRequestId();
        publish(requestId, submitted(requestId, warga));
        awaitVerificationOf(requestId);
        String created = mvc.perform(importCsv().header(HttpHeaders.AUTHORIZATION,
                TestTokens.shared().bearer(TestActors.adminDesa(VILLAGE_X)))).andReturn().getResponse()
                .getHeader(HttpHeaders.LOCATION);
        importId = created.substring(created.lastIndexOf('/') + 1);
    }

    @Test
    void everyEndpointAnswersEachCallerAsTheRulesSay() throws Exception {
        //  columns: anon resA resB | operator rt rw kadus kasi-pelayanan kasi-pemerintahan sekdes kades (X, Y each)
        //           | admin-desa X, admin-desa Y, admin-kecamatan
        String readers = "401 403 403 | 200 403 200 403 200 403 200 403 200 403 200 403 200 403 200 403 | 200 403 200";
        AuthorizationMatrix<MockHttpServletRequestBuilder> matrix = new AuthorizationMatrix<MockHttpServletRequestBuilder>()
                .row("POST search village X's residents", () -> json(registry("/residents/search"), "{\"q\":\"matriks\"}"),
                        readers)
                .row("POST one resident", () -> json(registry("/residents/lookup"), nik()), readers)
                .row("POST a resident's history", () -> json(registry("/residents/history"), nik()), readers)
                .row("POST a family card", () -> json(registry("/families/lookup"),
                        "{\"kkNumber\":\"" + warga.kkNumber() + "\"}"), readers)
                .row("POST correct a resident", () -> json(registry("/residents/corrections"), "{\"nik\":\""
                                + warga.nik() + "\",\"occupation\":\"Pedagang\",\"reason\":\"Sesuai KK terbaru\"}"),
                        "401 403 403 | 200 403 403 403 403 403 403 403 403 403 200 403 200 403 403 403 | 200 403 200")
                .row("POST import a CSV", this::importCsv,
                        "401 403 403 | 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 | 201 403 201")
                .row("GET  an import's report", () -> get(registry("/imports/" + importId)),
                        "401 403 403 | 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 | 200 403 200")
                .row("GET  a request's verification", () -> get("/api/v1/verifications/" + requestId), readers);

        assertThat(matrix.differences(this::call)).isEmpty();
    }

    @Test
    void tokensThatAreExpiredForeignOrFromAnotherIssuerAreRefused() throws Exception {
        Actor admin = TestActors.adminDesa(VILLAGE_X);
        for (String token : TestTokens.shared().refusedBearers(admin)) {
            assertThat(status(json(registry("/residents/lookup"), nik()).header(HttpHeaders.AUTHORIZATION, token)))
                    .isEqualTo(401);
        }
        // with tokens on, the open-mode headers (added to every request of these tests) name nobody
        assertThat(status(json(registry("/residents/lookup"), nik()))).isEqualTo(401);
    }

    private String nik() {
        return "{\"nik\":\"" + warga.nik() + "\"}";
    }

    private static MockHttpServletRequestBuilder json(String path, String body) {
        return post(path).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private String call(MockHttpServletRequestBuilder request, Actor caller, String expected) throws Exception {
        if (caller != null) {
            request.header(HttpHeaders.AUTHORIZATION, TestTokens.shared().bearer(caller));
        }
        return String.valueOf(status(request));
    }

    private int status(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    private MockHttpServletRequestBuilder importCsv() {
        return post(registry("/imports")).contentType("text/csv").content(CSV);
    }

    private static String registry(String path) {
        return "/api/v1/registry/" + VILLAGE_X + path;
    }
}
