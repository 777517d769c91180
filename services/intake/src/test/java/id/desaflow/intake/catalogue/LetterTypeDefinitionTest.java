package id.desaflow.intake.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.desaflow.contracts.events.EventType;
import id.desaflow.contracts.events.LetterTypeChanged;
import id.desaflow.contracts.events.RevisionRequested;
import id.desaflow.intake.Catalogue;
import id.desaflow.intake.ServiceTestSupport;
import id.desaflow.platform.messaging.IncomingEvent;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8: a village administrator redefines a letter type for their village; the new version reaches the form,
 * the checks of submissions, and the other services (LetterTypeChanged), and nowhere else.
 */
class LetterTypeDefinitionTest extends ServiceTestSupport {
    private static final String BMN = "surat-keterangan-belum-menikah";
    private static final String PGH = "surat-keterangan-penghasilan";
    private static final String SEMPU = "3309012005";
    private static final String[] ADMIN = {"X-DesaFlow-User", "admin-beji", "X-DesaFlow-Groups",
            "desa:" + BEJI + ":admin-desa"};

    @Test
    void aNewVersionReachesTheFormTheChecksAndTheOtherServicesOfItsVillageOnly() {
        String path = "/api/v1/villages/" + BEJI + "/letter-types/" + BMN + "/definition";
        JsonNode shipped = call("GET", path, null, ADMIN).json();
        int start = shipped.get("version").asInt(); // 0, or a reset version when another test changed it before
        assertThat(shipped.get("title").asText()).isEqualTo("SURAT KETERANGAN BELUM MENIKAH");
        assertThat(shipped.get("definition").get("classificationCode").asText()).isEqualTo("474.2");
        assertThat(shipped.get("shippedFields").toString()).contains("keperluan");
        try {
            ObjectNode body = input(shipped);
            body.put("classificationCode", "474.21");
            ((ArrayNode) body.get("fields")).addObject().put("name", "namaCalonPasangan")
                    .put("label", "Nama calon pasangan").put("kind", "text").put("required", true)
                    .put("maxLength", 100);
            body.put("statement", shipped.get("statement").asText() + " Calon pasangan: {namaCalonPasangan}.");
            Response saved = call("PUT", path, body, ADMIN);

            assertThat(saved.status()).as(saved.body()).isEqualTo(200);
            assertThat(saved.get("version").asInt()).isEqualTo(start + 1);
            assertThat(saved.get("changedBy").asText()).isEqualTo("admin-beji");
            LetterTypeChanged event = recorder.await(e -> isChange(e, BEJI + ":" + BMN, start + 1))
                    .payload(LetterTypeChanged.class);
            assertThat(event.classificationCode()).isEqualTo("474.21");
            assertThat(event.offered()).isTrue();
            assertThat(event.fields()).extracting(LetterTypeChanged.Field::name)
                    .containsExactly("pekerjaan", "keperluan", "namaCalonPasangan");
            assertThat(event.documents()).extracting(LetterTypeChanged.Document::kind)
                    .contains("ktp", "surat-pernyataan");
            assertThat(event.statement()).endsWith("Calon pasangan: {namaCalonPasangan}.");
            assertThat(event.changedBy()).isEqualTo("admin-beji");

            // the resident's form of Beji asks for it, and a submission needs it
            assertThat(fieldNames(offered(BEJI, BMN))).contains("namaCalonPasangan");
            Map<String, String> data = new LinkedHashMap<>(Catalogue.validData(Catalogue.letterType(BMN)));
            Response refused = submitBmn(data);
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.get("errors").toString()).contains("data.namaCalonPasangan",
                    "Nama calon pasangan wajib diisi");
            data.put("namaCalonPasangan", "Budi Santoso");
            assertThat(submitBmn(data).status()).isEqualTo(202);
            // another village keeps the shipped definition
            assertThat(fieldNames(get("/api/v1/letter-types/" + BMN + "?village=" + SEMPU).json()))
                    .doesNotContain("namaCalonPasangan");
            assertThat(call("GET", "/api/v1/villages/" + SEMPU + "/letter-types/" + BMN + "/definition", null,
                    "X-DesaFlow-Groups", "desa:" + SEMPU + ":admin-desa").get("version").asInt()).isZero();

            // someone who opened the version before cannot overwrite the new one
            Response late = call("PUT", path, input(shipped), "X-DesaFlow-User", "admin-beji-2",
                    "X-DesaFlow-Groups", "desa:" + BEJI + ":admin-desa");
            assertThat(late.status()).as(late.body()).isEqualTo(409);
            assertThat(late.get("currentVersion").asInt()).isEqualTo(start + 1);

            JsonNode versions = call("GET", path + "/versions", null, ADMIN).json();
            assertThat(versions).hasSize(start + 1);
            assertThat(versions.get(0).get("version").asInt()).isEqualTo(start + 1);
            assertThat(versions.get(0).get("summary").asText()).contains("Kode klasifikasi 474.2 → 474.21",
                    "isian ditambah: Nama calon pasangan", "isi surat diubah");
        } finally {
            Response reset = call("POST", path + "/reset?basedOn=" + (start + 1), null, ADMIN);
            assertThat(reset.status()).as(reset.body()).isEqualTo(200);
            assertThat(reset.get("version").asInt()).isEqualTo(start + 2);
        }
        LetterTypeChanged back = recorder.await(e -> isChange(e, BEJI + ":" + BMN, start + 2))
                .payload(LetterTypeChanged.class);
        assertThat(back.classificationCode()).isEqualTo("474.2");
        assertThat(back.fields()).hasSize(2);
        assertThat(fieldNames(offered(BEJI, BMN))).doesNotContain("namaCalonPasangan");
        assertThat(call("GET", "/api/v1/villages/" + BEJI + "/letter-types/" + BMN + "/definition/versions", null,
                ADMIN).json().get(0).get("summary").asText()).isEqualTo("Dikembalikan ke definisi bawaan");
    }

    @Test
    void aRevisionIsCheckedAgainstTheVillagesCurrentVersion() {
        String path = "/api/v1/villages/" + BEJI + "/letter-types/" + BMN + "/definition";
        Map<String, String> data = new LinkedHashMap<>(Catalogue.validData(Catalogue.letterType(BMN)));
        Response submitted = submitBmn(data);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        String id = submitted.get("requestId").asText();
        String code = submitted.get("trackingCode").asText();
        JsonNode shipped = call("GET", path, null, ADMIN).json();
        try {
            ObjectNode body = input(shipped);
            ((ArrayNode) body.get("fields")).addObject().put("name", "namaCalonPasangan")
                    .put("label", "Nama calon pasangan").put("kind", "text").put("required", true);
            assertThat(call("PUT", path, body, ADMIN).status()).isEqualTo(200);
            publish(id, new RevisionRequested(id, "Pemeriksaan Kasi Pelayanan", "Lengkapi data", Instant.now()));
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15))
                    .until(() -> get("/api/v1/requests/" + code).get("status").asText(), "PERLU_PERBAIKAN"::equals);

            Response refused = post("/api/v1/requests/" + code + "/revision", Map.of("data", data));
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.get("errors").findValuesAsText("field")).contains("data.namaCalonPasangan");
            data.put("namaCalonPasangan", "Budi Santoso");
            Response revised = post("/api/v1/requests/" + code + "/revision", Map.of("data", data));
            assertThat(revised.status()).as(revised.body()).isEqualTo(202);
        } finally {
            call("POST", path + "/reset", null, ADMIN);
        }
    }

    @Test
    void everyRuleRefusesNamingItsFieldAndNothingIsStoredOrPublished() {
        String path = "/api/v1/villages/" + BEJI + "/letter-types/" + PGH + "/definition";
        JsonNode shipped = call("GET", path, null, ADMIN).json();
        Map<String, Consumer<ObjectNode>> cases = new LinkedHashMap<>();
        cases.put("label", b -> b.put("label", "x".repeat(121)));
        cases.put("classificationCode", b -> b.put("classificationCode", "50a"));
        cases.put("fields[0].label", b -> field(b, 0).put("label", " "));
        cases.put("fields[0].kind", b -> field(b, 0).put("kind", "number"));
        cases.put("fields[0].required", b -> field(b, 0).put("required", false));
        cases.put("fields", b -> ((ArrayNode) b.get("fields")).remove(1));
        cases.put("fields[4].name", b -> newField(b).put("name", "Nama Pasangan"));
        cases.put("fields[4].kind", b -> newField(b).remove("kind"));
        cases.put("fields[4].maxLength", b -> newField(b).put("maxLength", 201));
        cases.put("fields[4].options", b -> newField(b).put("kind", "choice"));
        cases.put("fields[4].name ", b -> newField(b).put("name", "nama"));
        cases.put("fields[4].name  ", b -> newField(b).put("name", "pekerjaan"));
        cases.put("fields[4].pattern", b -> newField(b).put("pattern", "(a+)+$"));
        cases.put("attachments", b -> ((ArrayNode) b.get("attachments")).remove(0));
        cases.put("attachments[0].maxBytes", b -> document(b, 0).put("maxBytes", 10));
        cases.put("attachments[3].kind", b -> newDocument(b).put("kind", "Akta Cerai"));
        cases.put("attachments[3].contentTypes[0]", b -> newDocument(b).putArray("contentTypes").add("text/html"));
        cases.put("attachments[3].maxBytes", b -> newDocument(b).put("maxBytes", 3L * 1024 * 1024));
        cases.put("title", b -> b.put("title", ""));
        cases.put("statement", b -> b.put("statement", "Penghasilan {gaji} per bulan"));
        cases.put("statement ", b -> b.put("statement", "x".repeat(2001)));
        cases.put("basedOn", b -> b.remove("basedOn"));
        cases.put("onlineAllowed", b -> b.put("onlineAllowed", false));
        cases.put("fields[0].pattern", b -> field(b, 0).put("pattern", ".*"));
        for (var c : cases.entrySet()) {
            ObjectNode body = input(shipped);
            c.getValue().accept(body);
            Response refused = call("PUT", path, body, ADMIN);
            assertThat(refused.status()).as(c.getKey() + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.get("errors").findValuesAsText("field")).as(c.getKey() + ": " + refused.body())
                    .contains(c.getKey().strip());
        }
        assertThat(call("GET", path, null, ADMIN).get("version").asInt()).isZero();
        assertThat(mongo.exists(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(BEJI + ":" + PGH)),
                "village_letter_types")).isFalse();
        // a valid save of the same letter type afterwards is its first version: nothing was published before it
        Response fine = call("PUT", path, input(shipped), ADMIN);
        try {
            assertThat(fine.status()).as(fine.body()).isEqualTo(200);
            recorder.await(e -> isChange(e, BEJI + ":" + PGH, 1));
            assertThat(recorder.events().stream().filter(e -> e.subject().equals(BEJI + ":" + PGH))).hasSize(1);
        } finally {
            call("POST", path + "/reset", null, ADMIN);
        }
    }

    @Test
    void switchingOffAndOnIsAVersionTooAndTellsTheOtherServices() {
        String kk = "surat-pengantar-kk";
        String switchPath = "/api/v1/villages/" + BEJI + "/letter-types/" + kk;
        try {
            assertThat(call("PUT", switchPath, "{\"enabled\":false}", ADMIN).status()).isEqualTo(200);
            LetterTypeChanged off = recorder.await(e -> isChange(e, BEJI + ":" + kk, 1))
                    .payload(LetterTypeChanged.class);
            assertThat(off.offered()).isFalse();
            assertThat(off.classificationCode()).isEqualTo("471");
        } finally {
            assertThat(call("PUT", switchPath, "{\"enabled\":true}", ADMIN).status()).isEqualTo(200);
        }
        assertThat(recorder.await(e -> isChange(e, BEJI + ":" + kk, 2)).payload(LetterTypeChanged.class).offered())
                .isTrue();
        JsonNode versions = call("GET", switchPath + "/definition/versions", null, ADMIN).json();
        assertThat(versions.findValuesAsText("summary")).containsExactly("Layanan diaktifkan",
                "Layanan dinonaktifkan");
        JsonNode audit = call("GET", "/api/v1/villages/" + BEJI + "/letter-types/audit", null, ADMIN).json();
        assertThat(audit.get(0).get("letterType").asText()).isEqualTo(kk);
        assertThat(audit.get(0).get("enabled").asBoolean()).isTrue();
    }

    /** The definition as the page sends it back: what an administrator may change, nothing else. */
    private ObjectNode input(JsonNode view) {
        JsonNode definition = view.get("definition");
        ObjectNode body = json.createObjectNode();
        body.put("basedOn", view.get("version").asInt());
        for (String key : List.of("label", "labelEn", "classificationCode")) {
            body.set(key, definition.get(key));
        }
        body.set("requirements", definition.get("requirements"));
        ArrayNode fields = body.putArray("fields");
        definition.get("fields").forEach(f -> {
            ObjectNode field = fields.addObject();
            for (String key : List.of("name", "label", "labelEn", "required", "help", "helpEn")) {
                if (f.has(key)) {
                    field.set(key, f.get(key));
                }
            }
        });
        ArrayNode documents = body.putArray("attachments");
        definition.get("attachments").forEach(a -> {
            ObjectNode document = documents.addObject();
            for (String key : List.of("kind", "label", "labelEn", "required", "help")) {
                if (a.has(key)) {
                    document.set(key, a.get(key));
                }
            }
        });
        body.set("title", view.get("title"));
        body.set("statement", view.get("statement"));
        return body;
    }

    private static ObjectNode field(ObjectNode body, int i) {
        return (ObjectNode) body.get("fields").get(i);
    }

    private static ObjectNode document(ObjectNode body, int i) {
        return (ObjectNode) body.get("attachments").get(i);
    }

    private static ObjectNode newField(ObjectNode body) {
        return ((ArrayNode) body.get("fields")).addObject().put("name", "namaPasangan").put("label", "Nama pasangan")
                .put("kind", "text");
    }

    private static ObjectNode newDocument(ObjectNode body) {
        return ((ArrayNode) body.get("attachments")).addObject().put("kind", "akta-cerai").put("label", "Akta cerai");
    }

    private static boolean isChange(IncomingEvent e, String key, int version) {
        return e.type().equals(EventType.LETTER_TYPE_CHANGED.type()) && e.subject().equals(key)
                && e.payload(LetterTypeChanged.class).version() == version;
    }

    private JsonNode offered(String village, String type) {
        return StreamSupport.stream(get("/api/v1/letter-types?village=" + village).json().spliterator(), false)
                .filter(t -> t.get("code").asText().equals(type)).findFirst().orElseThrow();
    }

    private static List<String> fieldNames(JsonNode type) {
        return type.get("fields").findValuesAsText("name");
    }

    private Response submitBmn(Map<String, String> data) {
        return postMultipart("/api/v1/requests", toJson(Map.of("letterType", BMN, "villageCode", BEJI,
                "applicant", Map.of("nik", nextNik(), "name", "Sri Lestari"), "data", data,
                "attachmentsOnPaper", List.of("ktp", "kk", "pengantar-rt", "surat-pernyataan"))), List.of(),
                "X-DesaFlow-Channel", "COUNTER");
    }

    private Response call(String method, String path, Object body, String... headers) {
        String text = body == null ? null : body instanceof String s ? s : toJson(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .method(method, text == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(text));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }
}
