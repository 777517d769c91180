package id.desaflow.intake.request;

import com.fasterxml.jackson.databind.JsonNode;
import id.desaflow.contracts.events.AttachmentRef;
import id.desaflow.contracts.events.EventType;
import id.desaflow.contracts.events.RequestRevised;
import id.desaflow.contracts.events.RequestSubmitted;
import id.desaflow.contracts.events.RevisionRequested;
import id.desaflow.intake.IntakeApplication;
import id.desaflow.intake.ServiceTestSupport;
import id.desaflow.intake.TestFiles;
import id.desaflow.intake.attachment.AttachmentStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Documents: checked by content, size-limited, stored in MongoDB (GridFS) so any replica serves them after a restart,
 * named in the events by SHA-256, served only to the resident and the village's officials as downloads.
 */
class AttachmentsTest extends ServiceTestSupport {
    private static final String OFFICIAL = "desa:" + BEJI + ":kasi-pelayanan";

    @Autowired
    LetterRequests requests;
    @Autowired
    AttachmentStore store;
    @Autowired
    AttachmentOrphans orphans;
    @Value("${spring.data.mongodb.uri}")
    String mongoUri;

    static Stream<Arguments> notAcceptedFiles() {
        byte[] jpeg = TestFiles.jpeg();
        byte[] png = TestFiles.png();
        byte[] pdf = TestFiles.pdf();
        return Stream.of(
                arguments("HTML named .jpg", "image/jpeg", "<!DOCTYPE html><html><body>Halo</body></html>".getBytes()),
                arguments("SVG with a script", "image/svg+xml",
                        "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>".getBytes()),
                arguments("SVG declared as PNG", "image/png", "<svg onload='alert(1)'/>".getBytes()),
                arguments("JPEG with a script inside", "image/jpeg", concat(Arrays.copyOf(jpeg, jpeg.length - 2),
                        "<script>alert(1)</script>".getBytes(), new byte[] {(byte) 0xFF, (byte) 0xD9})),
                arguments("JPEG with HTML appended", "image/jpeg", concat(jpeg, "<html><body>x</body></html>".getBytes())),
                arguments("JPEG with a ZIP appended", "image/jpeg", concat(jpeg, new byte[] {'P', 'K', 3, 4, 0, 0})),
                arguments("truncated JPEG", "image/jpeg", Arrays.copyOf(jpeg, jpeg.length / 2)),
                arguments("PNG without its end", "image/png", Arrays.copyOf(png, png.length - 12)),
                arguments("PNG with data after its end", "image/png", concat(png, "extra".getBytes())),
                arguments("PDF not at the start", "application/pdf", concat(" ".getBytes(), pdf)),
                arguments("truncated PDF", "application/pdf", Arrays.copyOf(pdf, pdf.length - 10)),
                arguments("PDF with JavaScript", "application/pdf", new String(pdf, StandardCharsets.US_ASCII)
                        .replace("/Type/Catalog", "/Type/Catalog/OpenAction<</S/JavaScript/JS(app.alert(1))>>")
                        .getBytes(StandardCharsets.US_ASCII)),
                arguments("PDF launching a program", "application/pdf", new String(pdf, StandardCharsets.US_ASCII)
                        .replace("/Type/Catalog", "/Type/Catalog/OpenAction<</S/Launch/F(cmd.exe)>>")
                        .getBytes(StandardCharsets.US_ASCII)),
                arguments("a ZIP", "application/zip", new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0}),
                arguments("an empty file", "image/jpeg", new byte[0]),
                arguments("plain text", "text/plain", "KTP saya".getBytes()),
                arguments("a real JPEG declared as HTML", "text/html", jpeg));
    }

    @Test
    void uploadedDocumentsAreServedByteForByteToTheResidentAndOfficialsOnly() {
        String nik = nextNik();
        Response submitted = submit(validSubmission("Sri Berkas", nik));
        String id = submitted.get("requestId").asText();
        String code = submitted.get("trackingCode").asText();
        RequestSubmitted event = recorder.awaitType(EventType.REQUEST_SUBMITTED, id).payload(RequestSubmitted.class);
        AttachmentRef ktp = event.attachments().stream().filter(a -> a.kind().equals("ktp")).findFirst().orElseThrow();
        assertThat(ktp.contentType()).isEqualTo("image/jpeg");
        assertThat(ktp.sizeBytes()).isEqualTo(TestFiles.jpeg().length);
        assertThat(ktp.sha256()).isEqualTo(SubmissionRules.sha256(TestFiles.jpeg()));

        JsonNode details = download("/api/v1/requests/" + code + "/details", "X-DesaFlow-User", "nik:" + nik)
                .json(json);
        assertThat(details.get("applicant").get("nik").asText()).doesNotContain(nik.substring(6, 12));
        assertThat(details.get("data").get("namaUsaha").asText()).isEqualTo("Warung Makan Sri Rejeki");
        JsonNode listed = details.get("attachments").get(0);
        assertThat(listed.get("id").asText()).isEqualTo(ktp.id());
        assertThat(listed.get("label").asText()).isEqualTo("KTP pemohon");
        String href = listed.get("href").asText();

        for (String[] headers : List.of(new String[] {"X-DesaFlow-User", "nik:" + nik},
                new String[] {"X-DesaFlow-User", "budi", "X-DesaFlow-Groups", "desa:3309012004:kasi-pelayanan"},
                new String[] {})) { // the same (default) user who submitted it
            Download file = download(href, headers);
            assertThat(file.status()).isEqualTo(200);
            assertThat(file.body()).isEqualTo(TestFiles.jpeg());
            assertThat(file.header("Content-Type")).isEqualTo("image/jpeg");
            assertThat(file.header("Content-Disposition")).startsWith("attachment;").contains(code + "-ktp.jpg");
            assertThat(file.header("X-Content-Type-Options")).isEqualTo("nosniff");
        }
        for (String[] headers : List.of(new String[] {"X-DesaFlow-User", "nik:3309010101900001"},
                new String[] {"X-DesaFlow-User", "tetangga"},
                new String[] {"X-DesaFlow-User", "kades-lain", "X-DesaFlow-Groups", "desa:3309012005:kades"})) {
            assertThat(download(href, headers).status()).isEqualTo(403);
            assertThat(download("/api/v1/requests/" + code + "/details", headers).status()).isEqualTo(403);
        }
        assertThat(download("/api/v1/requests/" + code + "/attachments/" + UUID.randomUUID(), "X-DesaFlow-Groups",
                OFFICIAL).status()).isEqualTo(404);
        // the anonymous status names no document
        assertThat(get("/api/v1/requests/" + code).body()).doesNotContain(ktp.id(), ktp.sha256());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notAcceptedFiles")
    void aFileIsJudgedByItsContent(String description, String declaredType, byte[] bytes) {
        long files = mongo.getCollection("attachments.files").countDocuments();
        List<FilePart> parts = new ArrayList<>(skuFiles());
        parts.set(0, new FilePart("ktp", "ktp.jpg", declaredType, bytes));

        Response response = postMultipart("/api/v1/requests", toJson(validSubmission("Sri Palsu")), parts);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.get("errors").get(0).get("field").asText()).isEqualTo("ktp");
        assertThat(response.get("errors").get(0).get("message").asText()).startsWith("KTP pemohon ");
        assertThat(mongo.getCollection("attachments.files").countDocuments()).isEqualTo(files);
    }

    @Test
    void aFileOverItsLimitIs413NamingThePart() {
        List<FilePart> parts = new ArrayList<>(skuFiles());
        parts.set(0, new FilePart("ktp", "ktp.png", "image/png", TestFiles.pngOfSize(2 * 1024 * 1024 + 10)));

        Response response = postMultipart("/api/v1/requests", toJson(validSubmission("Sri Besar")), parts);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.get("errors").get(0).get("field").asText()).isEqualTo("ktp");
        assertThat(response.get("errors").get(0).get("message").asText()).contains("2 MB");
    }

    @Test
    void anUploadOverTheGlobalLimitIs413NotAServerError() {
        List<FilePart> parts = new ArrayList<>(skuFiles());
        parts.set(0, new FilePart("ktp", "ktp.png", "image/png", TestFiles.pngOfSize(4 * 1024 * 1024 + 100)));

        Response response = postMultipart("/api/v1/requests", toJson(validSubmission("Sri Raksasa")), parts);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.get("detail").asText()).contains("4 MB");
    }

    @Test
    void aRevisionReplacesTheDocumentOfItsKindAndKeepsTheOthers() {
        String nik = nextNik();
        Response submitted = submit(validSubmission("Sri Ganti", nik));
        String id = submitted.get("requestId").asText();
        String code = submitted.get("trackingCode").asText();
        RequestSubmitted first = recorder.awaitType(EventType.REQUEST_SUBMITTED, id).payload(RequestSubmitted.class);
        publish(id, new RevisionRequested(id, "Persetujuan Kasi Pelayanan", "Foto KTP buram", Instant.now()));
        await().atMost(Duration.ofSeconds(15)).until(() -> requests.findById(id).orElseThrow().status()
                == RequestStatus.PERLU_PERBAIKAN);
        byte[] sharper = TestFiles.png();

        Response revised = postMultipart("/api/v1/requests/" + code + "/revision",
                toJson(Map.of("data", validData())), List.of(new FilePart("ktp", "ktp-baru.png", "image/png", sharper)),
                "X-DesaFlow-User", "nik:" + nik);

        assertThat(revised.status()).as(revised.body()).isEqualTo(202);
        RequestRevised event = recorder.awaitType(EventType.REQUEST_REVISED, id).payload(RequestRevised.class);
        AttachmentRef oldKtp = first.attachments().get(0);
        assertThat(event.attachments()).extracting(AttachmentRef::kind).containsExactlyInAnyOrder("ktp",
                "pengantar-rt");
        AttachmentRef newKtp = event.attachments().stream().filter(a -> a.kind().equals("ktp")).findFirst()
                .orElseThrow();
        assertThat(newKtp.id()).isNotEqualTo(oldKtp.id());
        assertThat(newKtp.sha256()).isEqualTo(SubmissionRules.sha256(sharper));
        assertThat(event.attachments()).contains(first.attachments().get(1));
        // the replaced file stays readable for the officials who may have seen it
        assertThat(download("/api/v1/requests/" + code + "/attachments/" + oldKtp.id(), "X-DesaFlow-Groups",
                OFFICIAL).body()).isEqualTo(TestFiles.jpeg());
    }

    @Test
    void anotherReplicaOrARestartedServiceServesTheSameBytes() throws Exception {
        String nik = nextNik();
        Response submitted = submit(validSubmission("Sri Replika", nik));
        String code = submitted.get("trackingCode").asText();
        String attachmentId = download("/api/v1/requests/" + code + "/details", "X-DesaFlow-User", "nik:" + nik)
                .json(json).get("attachments").get(1).get("id").asText();

        // a second intake on the same MongoDB (its listeners and outbox relay stay off: only the web side is shared)
        try (ConfigurableApplicationContext replica = new SpringApplicationBuilder(IntakeApplication.class).run(
                "--server.port=0", "--spring.data.mongodb.uri=" + mongoUri, "--spring.kafka.bootstrap-servers="
                        + brokers, "--spring.kafka.listener.auto-startup=false", "--desaflow.kafka.partitions=1",
                "--spring.kafka.admin.auto-create=false",
                "--desaflow.outbox.collections=unused", "--logging.structured.format.console=",
                "--spring.main.banner-mode=off")) {
            int replicaPort = ((WebServerApplicationContext) replica).getWebServer().getPort();
            HttpResponse<byte[]> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + replicaPort + "/api/v1/requests/" + code + "/attachments/" + attachmentId))
                    .header("X-DesaFlow-User", "nik:" + nik).build(), HttpResponse.BodyHandlers.ofByteArray());

            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(file.body()).isEqualTo(TestFiles.pdf());
        }
    }

    @Test
    void orphanedUploadsAreSweptAndNamedOnesKept() {
        Response submitted = submit(validSubmission("Sri Yatim"));
        String id = submitted.get("requestId").asText();
        AttachmentStore.StoredFile orphan = store.store(UUID.randomUUID().toString(), "ktp", "image/png",
                TestFiles.png(), SubmissionRules.sha256(TestFiles.png()));
        AttachmentStore.StoredFile unconfirmed = store.store(id, "kk", "image/png", TestFiles.png(), "x");
        String named = requests.findById(id).orElseThrow().attachments().get(0).id();

        // judged only after the grace period
        assertThat(orphans.sweep(Instant.now().minusSeconds(3600))).isZero();
        assertThat(orphans.sweep(Instant.now().plusSeconds(1))).isEqualTo(2);

        assertThat(store.read(orphan.id())).isEmpty();
        assertThat(store.read(unconfirmed.id())).isEmpty();
        assertThat(store.read(named)).isPresent();
    }

    private static byte[] concat(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
