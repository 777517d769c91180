package id.desaflow.intake.request;

import com.fasterxml.jackson.databind.JsonNode;
import id.desaflow.contracts.events.EventType;
import id.desaflow.contracts.events.RevisionRequested;
import id.desaflow.intake.ServiceTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every kind of bad input is answered 400 (413 for size) problem+json naming the field, and leaves no trace: no
 * document stored, no event published (checked by a valid submission right after: it must be the only new event).
 */
class RequestValidationTest extends ServiceTestSupport {
    private static final Object ABSENT = new Object();

    @Autowired
    LetterRequests requests;

    static Stream<Arguments> badSubmissions() {
        String nextYear = String.valueOf(Year.now().getValue() + 1);
        return Stream.of(
                arguments("letter type missing", with("letterType", ABSENT), "letterType"),
                arguments("letter type blank", with("letterType", "  "), "letterType"),
                arguments("letter type unknown", with("letterType", "surat-sakti"), "letterType"),
                arguments("village missing", with("villageCode", ABSENT), "villageCode"),
                arguments("village blank", with("villageCode", ""), "villageCode"),
                arguments("village not 10 digits", with("villageCode", "33090120"), "villageCode"),
                arguments("village unknown", with("villageCode", "3309012099"), "villageCode"),
                arguments("applicant missing", with("applicant", ABSENT), "applicant"),
                arguments("NIK missing", with("applicant.nik", ABSENT), "applicant.nik"),
                arguments("NIK blank", with("applicant.nik", " "), "applicant.nik"),
                arguments("NIK too short", with("applicant.nik", "330901450890"), "applicant.nik"),
                arguments("NIK too long", with("applicant.nik", "33090145089000011"), "applicant.nik"),
                arguments("NIK with letters", with("applicant.nik", "33090145089000AB"), "applicant.nik"),
                arguments("NIK day 32", with("applicant.nik", "3309013208900001"), "applicant.nik"),
                arguments("NIK month 13", with("applicant.nik", "3309010513900001"), "applicant.nik"),
                arguments("NIK day 72 (woman, 32)", with("applicant.nik", "3309017208900001"), "applicant.nik"),
                arguments("NIK 31 February", with("applicant.nik", "3309013102900001"), "applicant.nik"),
                arguments("NIK woman 31 February (day 71)", with("applicant.nik", "3309017102900001"),
                        "applicant.nik"),
                arguments("NIK born tomorrow", with("applicant.nik", "330901" + tomorrow() + "0001"), "applicant.nik"),
                arguments("NIK of another province, online", with("applicant.nik", "3578014508900001"),
                        "applicant.nik"),
                arguments("NIK with an unknown province", with("applicant.nik", "0009014508900001"), "applicant.nik"),
                arguments("NIK sequence 0000", with("applicant.nik", "3309014508900000"), "applicant.nik"),
                arguments("name missing", with("applicant.name", ABSENT), "applicant.name"),
                arguments("name blank", with("applicant.name", "   "), "applicant.name"),
                arguments("name with digits", with("applicant.name", "Sri 2"), "applicant.name"),
                arguments("name too long", with("applicant.name", "A".repeat(121)), "applicant.name"),
                arguments("name with control character", with("applicant.name", "Sri\u0000Rahayu"),
                        "applicant.name"),
                arguments("phone too short", with("applicant.phone", "0812345"), "applicant.phone"),
                arguments("phone too long", with("applicant.phone", "0812345678901234"), "applicant.phone"),
                arguments("phone foreign", with("applicant.phone", "+6591234567"), "applicant.phone"),
                arguments("phone with letters", with("applicant.phone", "08123456789a"), "applicant.phone"),
                arguments("email without domain", with("applicant.email", "sri@"), "applicant.email"),
                arguments("email without at", with("applicant.email", "sri.example.id"), "applicant.email"),
                arguments("nama usaha missing", with("data.namaUsaha", ABSENT), "data.namaUsaha"),
                arguments("nama usaha blank", with("data.namaUsaha", "\t "), "data.namaUsaha"),
                arguments("nama usaha null", with("data.namaUsaha", null), "data.namaUsaha"),
                arguments("nama usaha too long", with("data.namaUsaha", "W".repeat(101)), "data.namaUsaha"),
                arguments("nama usaha with line break", with("data.namaUsaha", "Warung\nSri"), "data.namaUsaha"),
                arguments("jenis usaha missing", with("data.jenisUsaha", ABSENT), "data.jenisUsaha"),
                arguments("jenis usaha too long", with("data.jenisUsaha", "K".repeat(101)), "data.jenisUsaha"),
                arguments("alamat usaha missing", with("data.alamatUsaha", ABSENT), "data.alamatUsaha"),
                arguments("alamat usaha too long", with("data.alamatUsaha", "J".repeat(201)), "data.alamatUsaha"),
                arguments("keperluan missing", with("data.keperluan", ABSENT), "data.keperluan"),
                arguments("keperluan blank", with("data.keperluan", ""), "data.keperluan"),
                arguments("keperluan too long", with("data.keperluan", "P".repeat(201)), "data.keperluan"),
                arguments("mulai usaha not a year", with("data.mulaiUsaha", "20x9"), "data.mulaiUsaha"),
                arguments("mulai usaha before 1950", with("data.mulaiUsaha", "1949"), "data.mulaiUsaha"),
                arguments("mulai usaha in the future", with("data.mulaiUsaha", nextYear), "data.mulaiUsaha"),
                arguments("data missing", with("data", ABSENT), "data.namaUsaha"),
                arguments("unknown data field", with("data.warnaKesukaan", "biru"), "data.warnaKesukaan"),
                arguments("unknown top-level field", with("prioritas", "tinggi"), "prioritas"),
                arguments("unknown applicant field", with("applicant.pin", "123456"), "applicant.pin"),
                arguments("NIK as a number", with("applicant.nik", 3309014508900001L), "applicant.nik"),
                arguments("data value as a number", with("data.mulaiUsaha", 2019), "data.mulaiUsaha"),
                arguments("data value as a boolean", with("data.namaUsaha", true), "data.namaUsaha"),
                arguments("data value as an object", with("data.namaUsaha", Map.of("a", "b")), "data.namaUsaha"),
                arguments("data as a list", with("data", List.of("a")), "data"),
                arguments("applicant as text", with("applicant", "Sri"), "applicant"),
                arguments("letter type as a number", with("letterType", 5), "letterType"));
    }

    /**
     * DDMMYY of tomorrow: a birth date in the future. On 31 December tomorrow is in a year a two-digit year reads as
     * the last century, so an impossible date (30 February) stands in.
     */
    private static String tomorrow() {
        java.time.LocalDate today = java.time.LocalDate.now();
        java.time.LocalDate date = today.plusDays(1);
        return date.getYear() != today.getYear() ? "3002" + String.format("%02d", today.getYear() % 100)
                : String.format("%02d%02d%02d", date.getDayOfMonth(), date.getMonthValue(), date.getYear() % 100);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSubmissions")
    void badSubmissionIsRefusedWithoutTrace(String description, Map<String, Object> body, String field) {
        assertRefusedWithoutTrace(() -> post("/api/v1/requests", body), field);
    }

    @Test
    void malformedJsonIsRefused() {
        assertRefusedWithoutTrace(() -> post("/api/v1/requests", "{\"letterType\": \"surat-keterangan-usaha\","),
                "body");
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedEvenInAFieldName() {
        byte[] body = toJson(validSubmission("Sri Biner")).replace("\"letterType\"", "\"letter\u0001Type\"")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < body.length; i++) {
            if (body[i] == 1) {
                body[i] = (byte) 0xFF; // Jackson alone would read "letter\xFFType" as letterType
            }
        }
        assertRefusedWithoutTrace(() -> postRaw("/api/v1/requests", "application/json", body), "body");
    }

    @Test
    void missingBodyIsRefused() {
        assertRefusedWithoutTrace(() -> post("/api/v1/requests", (String) null), "body");
    }

    @Test
    void unknownChannelIsRefused() {
        assertRefusedWithoutTrace(() -> post("/api/v1/requests", validSubmission("Sri Saluran"),
                "X-DesaFlow-Channel", "FAX"), "X-DesaFlow-Channel");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        Map<String, Object> body = with(with(with(with(validSubmission("Sri 99"), "applicant.nik", "123"),
                "applicant.phone", "12"), "data.namaUsaha", ABSENT), "data.asal", "x");

        Response response = assertRefusedWithoutTrace(() -> post("/api/v1/requests", body), "applicant.nik");

        assertThat(fields(response)).containsExactlyInAnyOrder("applicant.nik", "applicant.name", "applicant.phone",
                "data.namaUsaha", "data.asal", "ktp", "pengantar-rt");
        assertThat(response.get("title").asText()).isEqualTo("Data tidak valid");
    }

    @Test
    void oversizedBodyIsRefusedWith413() {
        String huge = toJson(with("data.keperluan", "x".repeat(70 * 1024)));
        Response response = expectNoTrace(() -> post("/api/v1/requests", huge));
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void oversizedChunkedBodyIsRefusedWith413() {
        byte[] huge = toJson(with("data.keperluan", "x".repeat(70 * 1024))).getBytes();
        Response response = expectNoTrace(() -> send(HttpRequest.newBuilder(uri("/api/v1/requests"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge))).build()));
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void badRevisionDataChangesNothing() {
        Response submitted = submit(validSubmission("Sri Perbaikan"));
        String id = submitted.get("requestId").asText();
        String code = submitted.get("trackingCode").asText();
        recorder.awaitType(EventType.REQUEST_SUBMITTED, id);
        publish(id, new RevisionRequested(id, "Persetujuan Kasi Pelayanan", "Lengkapi alamat", Instant.now()));
        await().atMost(Duration.ofSeconds(15)).until(() -> requests.findById(id).orElseThrow().status(),
                RequestStatus.PERLU_PERBAIKAN::equals);

        Map<String, Object> data = new HashMap<>(validData());
        data.put("warna", "biru");
        data.remove("keperluan");
        Response response = post("/api/v1/requests/" + code + "/revision", Map.of("data", data));

        assertProblem(response, 400, "data.warna");
        assertThat(fields(response)).contains("data.keperluan");
        assertThat(post("/api/v1/requests/" + code + "/revision", "{\"data\":{\"namaUsaha\":1}}").status())
                .isEqualTo(400);
        assertThat(requests.findById(id).orElseThrow().revision()).isZero();
        assertThat(recorder.events(EventType.REQUEST_REVISED, id)).isEmpty();
    }

    @Test
    void overlongCancellationReasonChangesNothing() {
        Response submitted = submit(validSubmission("Sri Alasan"));
        String id = submitted.get("requestId").asText();

        Response response = post("/api/v1/requests/" + submitted.get("trackingCode").asText() + "/cancellation",
                Map.of("reason", "r".repeat(501)));

        assertProblem(response, 400, "reason");
        assertThat(requests.findById(id).orElseThrow().status()).isEqualTo(RequestStatus.DIAJUKAN);
    }

    private Response assertRefusedWithoutTrace(java.util.function.Supplier<Response> call, String field) {
        Response response = expectNoTrace(call);
        assertProblem(response, 400, field);
        return response;
    }

    private static void assertProblem(Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(fields(response)).as(response.body()).contains(field);
    }

    /** Runs {@code call}; nothing may be stored, and the next valid submission must be the only new event. */
    private Response expectNoTrace(java.util.function.Supplier<Response> call) {
        long documents = requests.count();
        long eventsBefore = publishedSoFar();

        Response response = call.get();

        assertThat(requests.count()).as("documents stored").isEqualTo(documents);
        Response marker = submit(validSubmission("Sri Penanda"));
        recorder.awaitType(EventType.REQUEST_SUBMITTED, marker.get("requestId").asText());
        assertThat(publishedSoFar()).as("events published").isEqualTo(eventsBefore + 1);
        return response;
    }

    private static List<String> fields(Response response) {
        JsonNode errors = response.get("errors");
        assertThat(errors).as(response.body()).isNotNull();
        return StreamSupport.stream(errors.spliterator(), false).map(e -> e.get("field").asText()).toList();
    }

    private static Map<String, Object> with(String path, Object value) {
        return with(validSubmission("Sri Uji"), path, value);
    }

    /** A deep copy of {@code body} with {@code path} (dotted) set to {@code value}, or removed for ABSENT. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> with(Map<String, Object> body, String path, Object value) {
        Map<String, Object> copy = deepCopy(body);
        Map<String, Object> target = copy;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            target = (Map<String, Object>) target.get(parts[i]);
        }
        if (value == ABSENT) {
            target.remove(parts[parts.length - 1]);
        } else {
            target.put(parts[parts.length - 1], value);
        }
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, v instanceof Map<?, ?> m ? deepCopy((Map<String, Object>) m) : v));
        return copy;
    }
}
