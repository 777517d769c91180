package id.desaflow.intake.request;

import com.fasterxml.jackson.databind.JsonNode;
import id.desaflow.contracts.events.Applicant;
import id.desaflow.contracts.events.ApprovalTaskCreated;
import id.desaflow.contracts.events.AttachmentRef;
import id.desaflow.contracts.events.CheckResult;
import id.desaflow.contracts.events.EventType;
import id.desaflow.contracts.events.LetterIssued;
import id.desaflow.contracts.events.LetterRevoked;
import id.desaflow.contracts.events.RequestReturnedForRevision;
import id.desaflow.contracts.events.VerificationPostponed;
import id.desaflow.intake.TestFiles;
import id.desaflow.contracts.events.RequestCancelled;
import id.desaflow.contracts.events.RequestRevised;
import id.desaflow.contracts.events.RequestSubmitted;
import id.desaflow.contracts.events.RequestVerified;
import id.desaflow.contracts.events.RevisionRequested;
import id.desaflow.intake.ServiceTestSupport;
import id.desaflow.platform.messaging.IncomingEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RequestLifecycleTest extends ServiceTestSupport {

    @Test
    void submissionIsAcceptedAndPublishedWithTheRequestIdAsKey() {
        String nik = nextNik();
        Response response = submit(validSubmission("Sri Rahayu", nik));

        assertThat(response.status()).isEqualTo(202);
        String requestId = response.get("requestId").asText();
        String trackingCode = response.get("trackingCode").asText();
        assertThat(trackingCode).matches("SKU-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}");
        assertThat(response.location()).isEqualTo("/api/v1/requests/" + trackingCode);
        assertThat(response.get("status").asText()).isEqualTo("DIAJUKAN");
        assertThat(response.get("statusLabel").asText()).isEqualTo("Diajukan");

        IncomingEvent event = recorder.awaitType(EventType.REQUEST_SUBMITTED, requestId);
        RequestSubmitted submitted = event.payload(RequestSubmitted.class);
        assertThat(submitted.trackingCode()).isEqualTo(trackingCode);
        assertThat(submitted.channel()).isEqualTo("ONLINE");
        assertThat(submitted.applicant()).isEqualTo(new Applicant(nik, "Sri Rahayu", "+6281234567890",
                "sri@example.id"));
        assertThat(submitted.attachments()).extracting(AttachmentRef::kind).containsExactly("ktp", "pengantar-rt");
        assertThat(submitted.data()).containsAllEntriesOf(stringData(validData()));
        // the record key is checked against the subject by the recorder's contract check (after each test)
        assertThat(event.subject()).isEqualTo(requestId);
    }

    @Test
    void aWomansNikAndThePhoneWrittenAnyUsualWayAreAccepted() {
        Map<String, Object> body = new HashMap<>(validSubmission("Sri Rahayu", VALID_NIK)); // day 45 = 5th, woman
        body.put("applicant", Map.of("nik", VALID_NIK, "name", "Sri Rahayu, S.Pd.", "phone", "62 812-3456-7890"));

        Response response = submit(body);

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        RequestSubmitted submitted = recorder.awaitType(EventType.REQUEST_SUBMITTED, response.get("requestId")
                .asText()).payload(RequestSubmitted.class);
        assertThat(submitted.applicant()).isEqualTo(new Applicant(VALID_NIK, "Sri Rahayu, S.Pd.", "+6281234567890",
                null));
        // the only test using VALID_NIK frees it again
        assertThat(post("/api/v1/requests/" + response.get("trackingCode").asText() + "/cancellation",
                (String) null).status()).isEqualTo(202);
    }

    @Test
    void counterHeaderMarksTheChannel() {
        Response response = submit(validSubmission("Sri Counter"), "X-DesaFlow-Channel", "COUNTER");

        assertThat(response.status()).isEqualTo(202);
        RequestSubmitted submitted = recorder.awaitType(EventType.REQUEST_SUBMITTED, response.get("requestId")
                .asText()).payload(RequestSubmitted.class);
        assertThat(submitted.channel()).isEqualTo("COUNTER");
    }

    @Test
    void followsTheRequestToItsLetterWithoutShowingPersonalData() {
        String nik = nextNik();
        Response submitted = submit(validSubmission("Sri Happy", nik));
        String id = submitted.get("requestId").asText();
        String code = submitted.get("trackingCode").asText();
        recorder.awaitType(EventType.REQUEST_SUBMITTED, id);

        publish(id, verified(id, code, 0));
        awaitStatus(code, "MENUNGGU_PERSETUJUAN");
        publish(id, taskCreated(id, "kasi-pelayanan", "Persetujuan Kasi Pelayanan"));
        JsonNode waitingKasi = awaitTimeline(code, "Menunggu persetujuan Kasi Pelayanan");
        assertThat(waitingKasi.get("status").asText()).isEqualTo("MENUNGGU_PERSETUJUAN");
        publish(id, taskCreated(id, "kades", "Tanda tangan Kepala Desa"));
        JsonNode waitingKades = awaitStatus(code, "MENUNGGU_TANDA_TANGAN");
        assertThat(waitingKades.get("statusLabelEn").asText()).isEqualTo("Awaiting signature");
        assertThat(waitingKades.get("letterNumber").isNull()).isTrue();
        publish(id, new LetterIssued(id, "500/001/3309012004/XI/2026", SKU, BEJI, "Suyatno", "Kepala Desa",
                Instant.now()));

        JsonNode done = awaitStatus(code.toLowerCase(), "SELESAI");
        assertThat(done.get("letterNumber").asText()).isEqualTo("500/001/3309012004/XI/2026");
        assertThat(done.get("letterTypeLabel").asText()).isEqualTo("Surat Keterangan Usaha");
        assertThat(done.get("villageCode").asText()).isEqualTo(BEJI);
        assertThat(texts(done)).containsExactly("Permohonan diajukan secara daring", "Data permohonan terverifikasi",
                "Menunggu persetujuan Kasi Pelayanan", "Menunggu tanda tangan Kepala Desa",
                "Surat selesai dengan nomor 500/001/3309012004/XI/2026, ditandatangani Kepala Desa");
        String body = done.toString();
        assertThat(body).doesNotContain(nik, "Sri Happy", "81234567890", "sri@example.id", "Warung Makan",
                "Dusun Bulu", "Suyatno");
    }

    @Test
    void revisionAskedByAnOfficialIsAnsweredWithRequestRevised() {
        String nik = nextNik();
        Response submitted = submit(validSubmission("Sri Revisi", nik));
        String id = submitted.get("requestId").asText();
        String code = submitted.get("trackingCode").asText();
        publish(id, verified(id, code, 0));
        awaitStatus(code, "MENUNGGU_PERSETUJUAN");
        Response tooEarly = post("/api/v1/requests/" + code + "/revision", Map.of("data", validData()));
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.contentType()).startsWith("application/problem+json");

        publish(id, new RevisionRequested(id, "Persetujuan Kasi Pelayanan", "Alamat usaha kurang lengkap",
                Instant.now()));
        JsonNode needsRevision = awaitStatus(code, "PERLU_PERBAIKAN");
        assertThat(needsRevision.get("revisionComment").asText()).isEqualTo("Alamat usaha kurang lengkap");

        Map<String, Object> corrected = new HashMap<>(validData());
        corrected.put("alamatUsaha", "Dusun Bulu RT 02/RW 01, Desa Beji, Kec. Andong");
        Response revised = post("/api/v1/requests/" + code + "/revision", Map.of("data", corrected));
        assertThat(revised.status()).isEqualTo(202);
        assertThat(revised.get("status").asText()).isEqualTo("DIAJUKAN");

        RequestRevised event = recorder.awaitType(EventType.REQUEST_REVISED, id).payload(RequestRevised.class);
        assertThat(event.revision()).isEqualTo(1);
        assertThat(event.trackingCode()).isEqualTo(code);
        assertThat(event.applicant().nik()).isEqualTo(nik);
        assertThat(event.data()).containsEntry("alamatUsaha", "Dusun Bulu RT 02/RW 01, Desa Beji, Kec. Andong");
        JsonNode view = get("/api/v1/requests/" + code).json();
        assertThat(view.get("revision").asInt()).isEqualTo(1);
        assertThat(view.get("revisionComment").isNull()).isTrue();

        publish(id, verified(id, code, 1));
        awaitStatus(code, "MENUNGGU_PERSETUJUAN");
    }

    @Test
    void aCorrectedNameKeepsTheContactsTheRevisionLeftOut() {
        String nik = nextNik();
        Response submitted = submit(validSubmission("Sri Wahyu", nik));
        String id = submitted.get("requestId").asText();
        String code = submitted.get("trackingCode").asText();
        publish(id, new RequestReturnedForRevision(id, code, SKU, BEJI, 0,
                List.of(new CheckResult("nama-sesuai", false, "Tulis nama persis seperti di KTP")), Instant.now()));
        awaitStatus(code, "PERLU_PERBAIKAN");

        Response revised = post("/api/v1/requests/" + code + "/revision",
                Map.of("applicant", Map.of("nik", nik, "name", "Sri Wahyuni"), "data", validData()));
        assertThat(revised.status()).isEqualTo(202);

        RequestRevised event = recorder.awaitType(EventType.REQUEST_REVISED, id).payload(RequestRevised.class);
        assertThat(event.applicant().name()).isEqualTo("Sri Wahyuni");
        assertThat(event.applicant().phone()).as("kept").isEqualTo("+6281234567890");
        assertThat(event.applicant().email()).as("kept").isEqualTo("sri@example.id");
    }

    @Test
    void theStatusPageSaysWhatToFixWhatWaitsAndWhenALetterIsRevoked() {
        Response submitted = submit(validSubmission("Sri Status"));
        String id = submitted.get("requestId").asText();
        String code = submitted.get("trackingCode").asText();

        publish(id, new VerificationPostponed(id, code, 0, "Layanan Dukcapil tidak menjawab", Instant.now()));
        JsonNode waiting = awaitStatus(code, "SEDANG_DIVERIFIKASI");
        assertThat(waiting.get("statusLabel").asText()).isEqualTo("Sedang diverifikasi");
        publish(id, new RequestReturnedForRevision(id, code, SKU, BEJI, 0, List.of(new CheckResult("pengantar-rt",
                false, "Surat pengantar RT tidak terbaca")), Instant.now()));
        JsonNode toFix = awaitStatus(code, "PERLU_PERBAIKAN");
        assertThat(toFix.get("revisionProblems").get(0).get("field").asText()).isEqualTo("pengantar-rt");
        assertThat(toFix.get("revisionProblems").get(0).get("message").asText())
                .isEqualTo("Surat pengantar RT tidak terbaca");
        assertThat(toFix.get("letterLabel").asText()).isEqualTo("Surat Keterangan Usaha");
        assertThat(toFix.get("timeline")).allSatisfy(e -> assertThat(e.get("label").asText())
                .isEqualTo(e.get("text").asText()));

        Response revised = postMultipart("/api/v1/requests/" + code + "/revision", toJson(Map.of("data",
                validData())), List.of(new FilePart("pengantar-rt", "rt.pdf", "application/pdf", TestFiles.pdf())));
        assertThat(revised.status()).as(revised.body()).isEqualTo(202);
        publish(id, verified(id, code, 1));
        publish(id, new LetterIssued(id, "500/003/3309012004/XI/2026", SKU, BEJI, "Suyatno", "Kepala Desa",
                Instant.now()));
        awaitStatus(code, "SELESAI");
        publish(id, new LetterRevoked(id, "500/003/3309012004/XI/2026", "Data usaha tidak benar", "admin-beji",
                Instant.now()));

        JsonNode revoked = awaitTimeline(code, "Surat dicabut");
        assertThat(revoked.get("letterRevoked").asBoolean()).isTrue();
        assertThat(revoked.get("status").asText()).isEqualTo("SELESAI");
        assertThat(revoked.get("revisionProblems")).isEmpty();
        assertThat(revoked.toString()).doesNotContain("admin-beji");
    }

    @Test
    void residentCancelsAndTheRequestStaysCancelled() {
        Response submitted = submit(validSubmission("Sri Batal"));
        String id = submitted.get("requestId").asText();
        String code = submitted.get("trackingCode").asText();

        Response cancelled = post("/api/v1/requests/" + code + "/cancellation", Map.of("reason", "Tidak jadi"));
        assertThat(cancelled.status()).isEqualTo(202);
        assertThat(cancelled.get("status").asText()).isEqualTo("DIBATALKAN");
        RequestCancelled event = recorder.awaitType(EventType.REQUEST_CANCELLED, id).payload(RequestCancelled.class);
        assertThat(event.reason()).isEqualTo("Tidak jadi");

        Response again = post("/api/v1/requests/" + code + "/cancellation", (String) null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.get("detail").asText()).contains("Dibatalkan");

        // a letter issued before approval saw the cancellation: recorded, but the status stays terminal
        publish(id, new LetterIssued(id, "500/002/3309012004/XI/2026", SKU, BEJI, null, "Kepala Desa",
                Instant.now()));
        JsonNode view = awaitTimeline(code, "Surat selesai dengan nomor 500/002/3309012004/XI/2026, "
                + "ditandatangani Kepala Desa");
        assertThat(view.get("status").asText()).isEqualTo("DIBATALKAN");
        assertThat(view.get("letterNumber").isNull()).isTrue();
    }

    @Test
    void cancellationWithoutBodyIsAccepted() {
        Response submitted = submit(validSubmission("Sri Tanpa Alasan"));
        String code = submitted.get("trackingCode").asText();

        Response cancelled = post("/api/v1/requests/" + code + "/cancellation", (String) null);

        assertThat(cancelled.status()).isEqualTo(202);
        RequestCancelled event = recorder.awaitType(EventType.REQUEST_CANCELLED, submitted.get("requestId").asText())
                .payload(RequestCancelled.class);
        assertThat(event.reason()).isNull();
    }

    @Test
    void unknownTrackingCodeIsA404Problem() {
        for (String code : List.of("SKU-ZZZZZZ", "not a code", "x")) {
            Response response = get("/api/v1/requests/" + code.replace(" ", "%20"));
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(post("/api/v1/requests/SKU-ZZZZZZ/cancellation", (String) null).status()).isEqualTo(404);
        assertThat(post("/api/v1/requests/SKU-ZZZZZZ/revision", Map.of("data", validData())).status())
                .isEqualTo(404);
    }

    static RequestVerified verified(String id, String code, int revision) {
        return new RequestVerified(id, code, SKU, BEJI, "Bulu", revision,
                new Applicant(VALID_NIK, "Sri", null, null), Map.of("namaUsaha", "Warung"),
                List.of(new CheckResult("nik-terdaftar", true, "NIK terdaftar")), Instant.now());
    }

    static ApprovalTaskCreated taskCreated(String id, String role, String taskName) {
        return new ApprovalTaskCreated(id, "task-" + role + "-" + id.substring(0, 8), taskName, role,
                "desa:" + BEJI + ":" + role, BEJI, null, Instant.now());
    }

    private JsonNode awaitStatus(String code, String status) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> get("/api/v1/requests/" + code).json(),
                view -> status.equals(view.get("status").asText()));
    }

    private JsonNode awaitTimeline(String code, String text) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> get("/api/v1/requests/" + code).json(),
                view -> texts(view).contains(text));
    }

    static List<String> texts(JsonNode view) {
        return StreamSupport.stream(view.get("timeline").spliterator(), false).map(e -> e.get("text").asText())
                .toList();
    }

    private static Map<String, String> stringData(Map<String, Object> data) {
        Map<String, String> result = new HashMap<>();
        data.forEach((k, v) -> result.put(k, (String) v));
        return result;
    }
}
