package id.desaflow.intake;

import com.fasterxml.jackson.databind.JsonNode;
import id.desaflow.platform.security.Actor;
import id.desaflow.platform.test.security.AuthorizationMatrix;
import id.desaflow.platform.test.security.TestActors;
import id.desaflow.platform.test.security.TestTokenIssuer;
import id.desaflow.platform.test.security.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static id.desaflow.platform.test.security.TestActors.RESIDENT_A_NIK;
import static id.desaflow.platform.test.security.TestActors.RESIDENT_B_NIK;
import static id.desaflow.platform.test.security.TestActors.VILLAGE_X;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 3: every intake endpoint x every kind of caller, with real signed tokens (the resource server is on). Rows
 * that change state are ordered: the first caller allowed to act gets 202, those after it meet the changed request
 * (409) — still a sign they got past the access check, unlike 401/403.
 */
@TestTokenIssuer
@TestPropertySource(properties = "spring.kafka.listener.auto-startup=false")
@DirtiesContext
class AuthorizationMatrixTest extends ServiceTestSupport {
    private static final String DOMISILI = "surat-keterangan-domisili";
    private final HttpClient client = HttpClient.newHttpClient();
    private String code;
    private String attachmentId;

    @BeforeAll
    void residentASubmitsOnline() {
        Response submitted = submit(submissionFor(RESIDENT_A_NIK, "Sri Wahyuni"), "Authorization",
                TestTokens.shared().bearer(TestActors.residentA()));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        code = submitted.get("trackingCode").asText();
        JsonNode details = send(request("/api/v1/requests/" + code + "/details").GET()
                .header("Authorization", TestTokens.shared().bearer(TestActors.residentA())).build()).json();
        attachmentId = details.get("attachments").get(0).get("id").asText();
    }

    @Test
    void everyEndpointAnswersEachCallerAsTheRulesSay() throws Exception {
        //  columns: anon resA resB | operator rt rw kadus kasi-pelayanan kasi-pemerintahan sekdes kades (X, Y each)
        //           | admin-desa X, admin-desa Y, admin-kecamatan
        AuthorizationMatrix<HttpRequest.Builder> matrix = new AuthorizationMatrix<HttpRequest.Builder>()
                .row("GET  catalogue", () -> request("/api/v1/letter-types").GET(),
                        "200 200 200 | 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 | 200 200 200")
                .row("GET  one letter type", () -> request("/api/v1/letter-types/" + SKU).GET(),
                        "200 200 200 | 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 | 200 200 200")
                .row("GET  village X", () -> request("/api/v1/villages/" + VILLAGE_X).GET(),
                        "200 200 200 | 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 | 200 200 200")
                .row("GET  village X's offer (admin view)",
                        () -> request("/api/v1/villages/" + VILLAGE_X + "/letter-types").GET(),
                        "401 403 403 | 200 403 200 403 200 403 200 403 200 403 200 403 200 403 200 403 | 200 403 200")
                .row("PUT  village X offers SKU", () -> request("/api/v1/villages/" + VILLAGE_X + "/letter-types/"
                                + SKU).header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString("{\"enabled\":true}")),
                        "401 403 403 | 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 | 200 403 200")
                .row("GET  village X's offer history",
                        () -> request("/api/v1/villages/" + VILLAGE_X + "/letter-types/audit").GET(),
                        "401 403 403 | 200 403 200 403 200 403 200 403 200 403 200 403 200 403 200 403 | 200 403 200")
                .row("GET  village X's definition of SKU",
                        () -> request("/api/v1/villages/" + VILLAGE_X + "/letter-types/" + SKU + "/definition").GET(),
                        "401 403 403 | 200 403 200 403 200 403 200 403 200 403 200 403 200 403 200 403 | 200 403 200")
                .row("GET  versions of village X's SKU", () -> request("/api/v1/villages/" + VILLAGE_X
                                + "/letter-types/" + SKU + "/definition/versions").GET(),
                        "401 403 403 | 200 403 200 403 200 403 200 403 200 403 200 403 200 403 200 403 | 200 403 200")
                // started from a version that never was: whoever may change it meets 409, nothing changes
                .row("PUT  village X's definition of SKU", () -> request("/api/v1/villages/" + VILLAGE_X
                                + "/letter-types/" + SKU + "/definition").header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString("{\"basedOn\":999}")),
                        "401 403 403 | 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 | 409 403 409")
                .row("POST reset village X's SKU", () -> request("/api/v1/villages/" + VILLAGE_X
                                + "/letter-types/" + SKU + "/definition/reset").POST(HttpRequest.BodyPublishers.noBody()),
                        "401 403 403 | 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 | 200 403 200")
                .row("GET  status by tracking code", () -> request("/api/v1/requests/" + code).GET(),
                        "200 200 200 | 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 | 200 200 200")
                .row("GET  my requests", () -> request("/api/v1/requests").GET(),
                        "401 200 200 | 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 200 | 200 200 200")
                .row("GET  resident A's request in full", () -> request("/api/v1/requests/" + code + "/details").GET(),
                        "401 200 403 | 200 403 200 403 200 403 200 403 200 403 200 403 200 403 200 403 | 200 403 200")
                .row("GET  resident A's KTP scan",
                        () -> request("/api/v1/requests/" + code + "/attachments/" + attachmentId).GET(),
                        "401 200 403 | 200 403 200 403 200 403 200 403 200 403 200 403 200 403 200 403 | 200 403 200")
                // nobody asked for a revision: whoever may touch the request meets 409
                .row("POST revise resident A's request", () -> json("/api/v1/requests/" + code + "/revision",
                                "{\"data\":{\"namaUsaha\":\"Warung Sri\"}}"),
                        "401 409 403 | 409 403 409 403 409 403 409 403 409 403 409 403 409 403 409 403 | 409 403 409")
                // resident B applies online for themself; after that the open slot is taken (409)
                .row("POST submit for resident B, online", () -> multipart(submissionFor(RESIDENT_B_NIK, "Suparno"),
                                "ONLINE"),
                        "401 403 202 | 409 403 409 403 409 403 409 403 409 403 409 403 409 403 409 403 | 409 403 403")
                // residents never use the counter; the first official of village X enters it
                .row("POST submit for resident A at the counter", () -> counter(DOMISILI, RESIDENT_A_NIK),
                        "401 403 403 | 202 403 409 403 409 403 409 403 409 403 409 403 409 403 409 403 | 409 403 403")
                .row("POST cancel resident A's request", () -> json("/api/v1/requests/" + code + "/cancellation",
                                "{\"reason\":\"Tidak jadi\"}"),
                        "401 202 403 | 409 403 409 403 409 403 409 403 409 403 409 403 409 403 409 403 | 409 403 409");

        assertThat(matrix.differences(this::call)).isEmpty();
    }

    @Test
    void aResidentListsOnlyTheirOwnRequests() {
        List<String> mine = trackingCodes(TestActors.residentA());
        assertThat(mine).contains(code);
        assertThat(trackingCodes(TestActors.residentB())).doesNotContain(code);
        assertThat(trackingCodes(TestActors.official(TestActors.VILLAGE_Y, "kades"))).doesNotContain(code);
        assertThat(trackingCodes(TestActors.official(VILLAGE_X, "kades"))).contains(code);
    }

    @Test
    // a token of another village is not refused here but by the rules: see the Y columns of the matrix
    void tokensThatAreExpiredForeignOrFromAnotherIssuerAreRefused() throws Exception {
        Actor resident = TestActors.residentA();
        for (String token : TestTokens.shared().refusedBearers(resident)) {
            for (String path : List.of("/api/v1/requests", "/api/v1/requests/" + code + "/details")) {
                assertThat(client.send(request(path).header("Authorization", token).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode()).as(path).isEqualTo(401);
            }
        }
        // with tokens on, the open-mode headers name nobody
        assertThat(client.send(request("/api/v1/requests/" + code + "/details").header("X-DesaFlow-User",
                "nik:" + RESIDENT_A_NIK).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode())
                .isEqualTo(401);
    }

    private String call(HttpRequest.Builder request, Actor caller, String expected) throws IOException,
            InterruptedException {
        if (caller != null) {
            request.header("Authorization", TestTokens.shared().bearer(caller));
        }
        return String.valueOf(client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    private List<String> trackingCodes(Actor actor) {
        JsonNode list = send(request("/api/v1/requests").header("Authorization", TestTokens.shared().bearer(actor))
                .GET().build()).json();
        return StreamSupport.stream(list.spliterator(), false).map(r -> r.get("trackingCode").asText()).toList();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path));
    }

    private HttpRequest.Builder json(String path, String body) {
        return request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpRequest.Builder multipart(Map<String, Object> body, String channel) {
        String boundary = "----matrix" + UUID.randomUUID();
        return request("/api/v1/requests").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("X-DesaFlow-Channel", channel)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, toJson(body), skuFiles())));
    }

    /** A domisili letter entered at the counter, its documents seen on paper. */
    private HttpRequest.Builder counter(String letterType, String nik) {
        Map<String, Object> body = Map.of("letterType", letterType, "villageCode", VILLAGE_X,
                "applicant", Map.of("nik", nik, "name", "Sri Wahyuni"),
                "data", Map.of("alamatDomisili", "Dusun Bulu", "rt", "2", "rw", "1", "tinggalSejak", "2010",
                        "statusTempatTinggal", "Milik sendiri", "keperluan", "Pendaftaran sekolah"),
                "attachmentsOnPaper", new ArrayList<>(List.of("ktp", "kk", "pengantar-rt")));
        return request("/api/v1/requests").header("Content-Type", "application/json")
                .header("X-DesaFlow-Channel", "COUNTER").POST(HttpRequest.BodyPublishers.ofString(toJson(body)));
    }

    private static Map<String, Object> submissionFor(String nik, String name) {
        return Map.of("letterType", SKU, "villageCode", VILLAGE_X,
                "applicant", Map.of("nik", nik, "name", name, "phone", "081234567890"), "data", validData());
    }
}
