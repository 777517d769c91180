package id.desaflow.intake.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import id.desaflow.contracts.events.AttachmentRef;
import id.desaflow.contracts.events.EventType;
import id.desaflow.contracts.events.RequestSubmitted;
import id.desaflow.intake.Catalogue;
import id.desaflow.intake.ServiceTestSupport;
import id.desaflow.intake.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every letter type of the real catalogue, through the HTTP API: a complete submission is accepted and published with
 * its normalised data and documents; leaving out any required field or document is refused naming it.
 */
class EveryLetterTypeTest extends ServiceTestSupport {
    private static final String COUNTER = "COUNTER";

    static Stream<Arguments> letterTypes() {
        return Catalogue.letterTypes().stream().map(t -> arguments(t.get("code").asText(), t));
    }

    static Stream<Arguments> requiredFields() {
        return Catalogue.letterTypes().stream().flatMap(t -> Catalogue.fields(t).stream()
                .filter(f -> f.get("required").asBoolean())
                .map(f -> arguments(t.get("code").asText() + " without " + f.get("name").asText(), t,
                        f.get("name").asText())));
    }

    static Stream<Arguments> requiredDocuments() {
        return Catalogue.letterTypes().stream().flatMap(t -> Catalogue.attachments(t).stream()
                .filter(a -> a.get("required").asBoolean())
                .map(a -> arguments(t.get("code").asText() + " without " + a.get("kind").asText(), t,
                        a.get("kind").asText())));
    }

    @Test
    void theCatalogueHasTheFourteenLettersWithTheirNumberingData() {
        JsonNode all = get("/api/v1/letter-types").json();
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("surat-keterangan-usaha", "SKU 500 true");
        expected.put("surat-keterangan-domisili", "DOM 470 true");
        expected.put("surat-keterangan-tidak-mampu", "SKTM 400 true");
        expected.put("surat-pengantar-ktp", "KTP 471 true");
        expected.put("surat-pengantar-kk", "PKK 471 true");
        expected.put("surat-pengantar-skck", "SKCK 300 true");
        expected.put("surat-keterangan-pindah", "PDH 475 false");
        expected.put("surat-keterangan-kelahiran", "LHR 474.1 false");
        expected.put("surat-keterangan-kematian", "MTI 474.3 false");
        expected.put("surat-keterangan-belum-menikah", "BMN 474.2 true");
        expected.put("surat-keterangan-penghasilan", "PGH 500 true");
        expected.put("surat-izin-keramaian", "IKR 300 true");
        expected.put("surat-keterangan-ahli-waris", "AHW 593 false");
        expected.put("surat-keterangan-beda-nama", "BDN 470 true");
        Map<String, String> served = new LinkedHashMap<>();
        all.forEach(t -> served.put(t.get("code").asText(), t.get("trackingPrefix").asText() + " "
                + t.get("classificationCode").asText() + " " + t.get("onlineAllowed").asBoolean()));
        assertThat(served).containsExactlyEntriesOf(expected);
        all.forEach(t -> {
            assertThat(t.get("workflow").asText()).isEqualTo(t.get("code").asText());
            assertThat(t.get("requirements")).isNotEmpty();
            t.get("fields").forEach(f -> assertThat(f.get("maxLength").asInt()).isBetween(1, 2000));
            assertThat(t.get("attachments")).allSatisfy(a -> {
                assertThat(a.get("maxBytes").asLong()).isBetween(1L, 2L * 1024 * 1024);
                assertThat(a.get("contentTypes")).isNotEmpty();
            });
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("letterTypes")
    void aCompleteRequestOfEveryTypeIsAccepted(String code, JsonNode type) {
        String nik = nextNik();
        Map<String, String> data = Catalogue.validData(type);
        Response response = postMultipart("/api/v1/requests", toJson(body(type, nik, data)), documents(type, true),
                channel(type));

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        assertThat(response.get("trackingCode").asText()).startsWith(type.get("trackingPrefix").asText() + "-");
        RequestSubmitted event = recorder.awaitType(EventType.REQUEST_SUBMITTED, response.get("requestId").asText())
                .payload(RequestSubmitted.class);
        assertThat(event.letterType()).isEqualTo(code);
        assertThat(event.data().keySet()).containsExactlyInAnyOrderElementsOf(data.keySet());
        Catalogue.fields(type).stream().filter(f -> f.get("kind").asText().equals("phone"))
                .forEach(f -> assertThat(event.data().get(f.get("name").asText())).isEqualTo("+6281234567890"));
        assertThat(event.attachments()).extracting(AttachmentRef::kind).containsExactlyInAnyOrderElementsOf(
                Catalogue.attachments(type).stream().map(a -> a.get("kind").asText()).toList());
        assertThat(event.channel()).isEqualTo(type.get("onlineAllowed").asBoolean() ? "ONLINE" : COUNTER);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requiredFields")
    void everyRequiredFieldIsRequired(String description, JsonNode type, String field) {
        Map<String, String> data = Catalogue.validData(type);
        data.remove(field);

        Response response = postMultipart("/api/v1/requests", toJson(body(type, nextNik(), data)),
                documents(type, false), channel(type));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(problems(response)).containsOnlyKeys("data." + field);
        assertThat(problems(response).get("data." + field)).endsWith("wajib diisi");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requiredDocuments")
    void everyRequiredDocumentIsRequired(String description, JsonNode type, String kind) {
        List<FilePart> files = new ArrayList<>(documents(type, false));
        files.removeIf(f -> f.name().equals(kind));

        Response response = postMultipart("/api/v1/requests", toJson(body(type, nextNik(),
                Catalogue.validData(type))), files, channel(type));

        assertThat(response.status()).isEqualTo(400);
        assertThat(problems(response)).containsOnlyKeys(kind);
        assertThat(problems(response).get(kind)).contains("wajib diunggah");
    }

    @Test
    void atTheCounterADocumentMayBeBroughtOnPaper() {
        JsonNode kematian = Catalogue.letterType("surat-keterangan-kematian");
        Map<String, Object> body = new LinkedHashMap<>(body(kematian, nextNik(), Catalogue.validData(kematian)));
        body.put("attachmentsOnPaper", List.of("kk"));
        List<FilePart> files = new ArrayList<>(documents(kematian, false));
        files.removeIf(f -> f.name().equals("kk"));

        Response response = postMultipart("/api/v1/requests", toJson(body), files, "X-DesaFlow-Channel", COUNTER,
                "X-DesaFlow-User", "operator-beji");

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        JsonNode details = get("/api/v1/requests/" + response.get("trackingCode").asText() + "/details",
                "X-DesaFlow-User", "operator-beji");
        assertThat(details.get("attachmentsOnPaper").get(0).get("kind").asText()).isEqualTo("kk");
        assertThat(details.get("attachmentsOnPaper").get(0).get("label").asText())
                .isEqualTo("Kartu Keluarga almarhum");
        assertThat(details.get("submittedBy").asText()).isEqualTo("operator-beji");
        assertThat(details.get("channel").asText()).isEqualTo(COUNTER);
        assertThat(details.get("timeline").get(0).get("label").asText()).isEqualTo("Permohonan diajukan di kantor desa");
        assertThat(details.get("timeline").get(0).get("actor").asText()).isEqualTo("operator-beji");
        // the anonymous status page names no one
        assertThat(get("/api/v1/requests/" + response.get("trackingCode").asText()).body())
                .doesNotContain("operator-beji");
    }

    @Test
    void counterOnlyLettersAreRefusedOnline() {
        JsonNode kematian = Catalogue.letterType("surat-keterangan-kematian");

        Response response = postMultipart("/api/v1/requests", toJson(body(kematian, nextNik(),
                Catalogue.validData(kematian))), documents(kematian, false));

        assertThat(response.status()).isEqualTo(400);
        assertThat(problems(response)).containsOnlyKeys("letterType");
        assertThat(problems(response).get("letterType")).contains("hanya dapat diajukan di kantor desa");
    }

    private JsonNode get(String path, String... headers) {
        return download(path, headers).json(json);
    }

    private static Map<String, Object> body(JsonNode type, String nik, Map<String, String> data) {
        return Map.of("letterType", type.get("code").asText(), "villageCode", BEJI,
                "applicant", Map.of("nik", nik, "name", "Sri Rahayu", "phone", "081234567890"), "data", data);
    }

    /** A document for every attachment (or only the required ones), in a format each accepts. */
    private static List<FilePart> documents(JsonNode type, boolean all) {
        return Catalogue.attachments(type).stream().filter(a -> all || a.get("required").asBoolean()).map(a -> {
            String kind = a.get("kind").asText();
            List<String> types = StreamSupport.stream(a.get("contentTypes").spliterator(), false)
                    .map(JsonNode::asText).toList();
            return types.contains("application/pdf")
                    ? new FilePart(kind, kind + ".pdf", "application/pdf", TestFiles.pdf())
                    : new FilePart(kind, kind + ".jpg", "image/jpeg", TestFiles.jpeg());
        }).toList();
    }

    private static String[] channel(JsonNode type) {
        return type.get("onlineAllowed").asBoolean() ? new String[0]
                : new String[] {"X-DesaFlow-Channel", COUNTER, "X-DesaFlow-User", "operator-beji"};
    }

    private static Map<String, String> problems(Response response) {
        Map<String, String> problems = new LinkedHashMap<>();
        assertThat(response.get("errors")).as(response.body()).isNotNull();
        response.get("errors").forEach(e -> problems.put(e.get("field").asText(), e.get("message").asText()));
        return problems;
    }
}
