package id.desaflow.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The system test: the real local stack (Kafka, MongoDB wire server, mail server and every packaged service as
 * processes, exactly as run.sh starts them), driven only through the portal's one origin. A Surat Keterangan Usaha
 * travels from POST to its letter number, and the whole stack is stopped and started again twice mid-flow.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackIT {
    static final String VILLAGE = "3309012004";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final List<String> REPORT = new ArrayList<>();

    static StackConfig config;
    static LocalStack stack;
    static String trackingCode;

    @BeforeAll
    static void startStack() throws IOException {
        Path root = Path.of(System.getProperty("desaflow.root", "../..")).toAbsolutePath().normalize();
        Path data = root.resolve("infra/launcher/target/system-test-data");
        deleteRecursively(data);
        config = StackConfig.withFreePorts(root, data);
        start("first start (empty data)");
    }

    @AfterAll
    static void stopStack() throws IOException {
        if (stack != null) {
            stack.close();
        }
        Files.write(config.root().resolve("infra/launcher/target/system-test-report.txt"), REPORT);
    }

    @Test
    @Order(1)
    void catalogueAndBadInputThroughThePortal() throws Exception {
        JsonNode types = getJson("/api/v1/letter-types");
        assertThat(types.toString()).contains("surat-keterangan-usaha");

        // nobody signed in: the services refuse; the resident's own token gets the request's problems instead
        assertThat(post("/api/v1/requests", "{}", null).statusCode()).isEqualTo(401);
        String sri = residentToken();
        HttpResponse<String> bad = post("/api/v1/requests", """
                {"letterType":"surat-keterangan-usaha","villageCode":"3309012004",
                 "applicant":{"nik":"3309013213900001","name":"Sri"},"data":{}}""", sri);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(bad.body()).contains("applicant.nik").contains("data.namaUsaha");

        HttpResponse<String> malformed = post("/api/v1/requests", "{\"letterType\":", sri);
        assertThat(malformed.statusCode()).isEqualTo(400);
    }

    @Test
    @Order(2)
    void aBusinessLetterTravelsFromSubmissionToItsNumberAcrossTwoRestarts() throws Exception {
        HttpResponse<String> submitted = postMultipart("/api/v1/requests", """
                {"letterType":"surat-keterangan-usaha","villageCode":"%s",
                 "applicant":{"nik":"%s","name":"%s","phone":"081234567890","email":"warga@beji.test"},
                 "data":{"namaUsaha":"Warung Makan Sri Rejeki","jenisUsaha":"Kuliner",
                         "alamatUsaha":"RT 002 RW 001 Dusun Beji","keperluan":"Pengajuan KUR"}}"""
                .formatted(VILLAGE, DemoResident.NIK, DemoResident.NAME), residentToken(), "ktp", "pengantar-rt");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        trackingCode = JSON.readTree(submitted.body()).get("trackingCode").asText();

        restart("restart right after submission");

        awaitStatus("MENUNGGU_PERSETUJUAN");
        decide("kasi-pelayanan", "APPROVE");

        restart("restart after the first approval");

        decide("sekdes", "APPROVE");
        awaitStatus("MENUNGGU_TANDA_TANGAN");
        decide("kades", "APPROVE");

        JsonNode done = awaitStatus("SELESAI");
        assertThat(done.get("letterNumber").asText()).matches("500/\\d{3}/3309012004/[IVX]+/\\d{4}");
        assertThat(done.toString()).doesNotContain(DemoResident.NIK);
        REPORT.add("letter issued: " + done.get("letterNumber").asText() + " for " + trackingCode);

        // the resident was told by mail, on the local mail server a person can read
        await().atMost(60, TimeUnit.SECONDS).untilAsserted(() -> assertThat(
                get(config.mailApiUrl() + "/api/user/warga@beji.test/messages/INBOX").body())
                .contains(trackingCode).contains(done.get("letterNumber").asText()));
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    /** The official of the role signs in at identity and works the task from their inbox. */
    private void decide(String role, String decision) throws Exception {
        String token = IdentityTokens.accessToken(config.identityUrl(), role + ".beji", IdentityTokens.PASSWORD);
        JsonNode task = await().atMost(90, TimeUnit.SECONDS).until(() -> {
            for (JsonNode t : getJson("/api/v1/tasks", token)) {
                if (trackingCode.equals(t.path("trackingCode").asText())) {
                    return t;
                }
            }
            return null;
        }, t -> t != null);
        String id = task.get("id").asText();
        assertThat(post("/api/v1/tasks/" + id + "/claim", "", token).statusCode()).isEqualTo(200);
        HttpResponse<String> completed = post("/api/v1/tasks/" + id + "/complete",
                "{\"decision\":\"" + decision + "\",\"comment\":\"Sudah diperiksa\"}", token);
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
    }

    /** Sri follows her request signed in (anonymous look-ups are rate-limited per address). */
    private JsonNode awaitStatus(String status) throws Exception {
        String sri = residentToken();
        return await().atMost(90, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(500))
                .until(() -> getJson("/api/v1/requests/" + trackingCode, sri),
                        r -> status.equals(r.path("status").asText()));
    }

    private static void restart(String why) {
        stack.close();
        start(why);
    }

    private static void start(String why) {
        stack = LocalStack.start(config);
        REPORT.add(why + ": ready in " + stack.startupTime().toMillis() + " ms, total RSS " + stack.totalRssMib()
                + " MiB");
    }

    /** Sri Wahyuni signs in with her NIK and PIN (identity's demo resident). */
    private static String residentToken() throws Exception {
        return IdentityTokens.accessToken(config.identityUrl(), DemoResident.NIK, DemoResident.PIN);
    }

    private static JsonNode getJson(String path) throws Exception {
        return getJson(path, null);
    }

    private static JsonNode getJson(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(config.portalUrl() + path))
                .timeout(Duration.ofSeconds(20));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(config.portalUrl() + path))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A submission as the portal's form sends it: the JSON part plus one small scanned JPEG per attachment kind. */
    private static HttpResponse<String> postMultipart(String path, String json, String token,
            String... attachmentKinds)
            throws Exception {
        String boundary = "desaflow-" + System.nanoTime();
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"request\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + json + "\r\n").getBytes());
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1,
                0, 1, 0, 0, (byte) 0xFF, (byte) 0xD9};
        for (String kind : attachmentKinds) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + kind
                    + "\"; filename=\"" + kind + ".jpg\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes());
            body.writeBytes(jpeg);
            body.writeBytes("\r\n".getBytes());
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes());
        return HTTP.send(HttpRequest.newBuilder(URI.create(config.portalUrl() + path))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
