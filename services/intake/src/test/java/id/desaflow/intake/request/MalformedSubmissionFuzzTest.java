package id.desaflow.intake.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import id.desaflow.contracts.events.EventType;
import id.desaflow.contracts.events.Topics;
import id.desaflow.intake.Catalogue;
import id.desaflow.intake.ServiceTestSupport;
import id.desaflow.intake.TestFiles;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends well over a thousand generated malformed submissions (seeded, so a failure can be replayed): wrong JSON types,
 * huge strings, control characters, script tags, Unicode oddities, wrong content types, truncated or garbled
 * multipart bodies, bad, oversized, extra or missing parts. Each is built from a VALID submission (checked first) by
 * one mutation, so every refusal is the mutation's doing. Every answer must be 4xx problem+json; afterwards no
 * collection has changed and nothing more than one marker submission was published on desaflow.intake.
 */
class MalformedSubmissionFuzzTest extends ServiceTestSupport {
    private static final long SEED = 20_261_122L;
    private static final int CASES = 1_200;
    private static final List<String> COLLECTIONS = List.of("letter_requests", "attachments.files",
            "attachments.chunks", "village_settings");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<JsonNode> ONLINE_TYPES = Catalogue.letterTypes().stream()
            .filter(t -> t.get("onlineAllowed").asBoolean()).toList();
    private static final String[] CONTROL = {"\u0000", "\u0001", "\u0007", "\b", "\u001B", "\u007F", "\u0085"};
    /** Stands for a lone surrogate, which only a JSON escape can carry (UTF-8 cannot encode it). */
    private static final String LONE_SURROGATE = "\u0001LONE\u0001";
    private static final String[] ODD_UNICODE = {"\u202E", "\u200B", "\u200D", "\uFEFF", "\u2066", "\uE000", "\u0378",
            LONE_SURROGATE, "\uFFFF"};
    private static final String[] SCRIPTS = {"<script>alert('x')</script>", "<img src=x onerror=alert(1)>",
            "\"><svg/onload=alert(1)>", "<iframe src=javascript:alert(1)>"};
    private static final String[] WRONG_CONTENT_TYPES = {"text/plain", "text/html", "application/xml",
            "application/x-www-form-urlencoded", "image/png", "application/octet-stream", null,
            "application/json-patch+json", "multipart/form-data", "multipart/mixed; boundary=abc",
            "application/javascript"};

    /** One generated request. */
    record Case(String description, String contentType, byte[] body, String[] headers) {
    }

    @Test
    void everyMalformedSubmissionIsRefusedWith4xxAndLeavesNoTrace() {
        Random random = new Random(SEED);
        theUnmutatedBasesAreValid(random);
        long published = publishedSoFar();
        Map<String, Long> documents = counts();

        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        for (int i = 0; i < CASES; i++) {
            Case c = generate(random);
            Response r = postRaw("/api/v1/requests", c.contentType(), c.body(), c.headers());
            statuses.merge(r.status(), 1, Integer::sum);
            boolean problem = r.contentType() != null && r.contentType().startsWith("application/problem+json");
            if (r.status() < 400 || r.status() >= 500 || !problem) {
                failures.add("#" + i + " " + c.description() + " -> " + r.status() + " " + r.contentType() + " "
                        + (r.body() == null ? "" : r.body().substring(0, Math.min(300, r.body().length())))
                        + " SENT " + new String(c.body(), 0, Math.min(600, c.body().length),
                        StandardCharsets.ISO_8859_1).replaceAll("[^\\x20-\\x7E]", "\u00BF"));
            }
        }

        assertThat(failures).as("answers other than 4xx problem+json (statuses: %s)", statuses).isEmpty();
        assertThat(counts()).as("documents").isEqualTo(documents);
        Response marker = submit(validSubmission("Sri Penanda Fuzz"));
        recorder.awaitType(EventType.REQUEST_SUBMITTED, marker.get("requestId").asText());
        assertThat(publishedSoFar()).as("events on " + Topics.INTAKE).isEqualTo(published + 1);
        assertThat(statuses.keySet()).as("a mix of refusals").contains(400, 413, 415);
    }

    /** The generator's two starting points pass, so what fails below fails because of its mutation. */
    private void theUnmutatedBasesAreValid(Random random) {
        ObjectNode counterBase = jsonBase(Catalogue.letterType("surat-keterangan-kematian"), true);
        Response counter = postRaw("/api/v1/requests", "application/json", bytes(counterBase), counterHeaders());
        JsonNode online = ONLINE_TYPES.get(random.nextInt(ONLINE_TYPES.size()));
        String boundary = "b" + UUID.randomUUID();
        Response multipart = postRaw("/api/v1/requests", "multipart/form-data; boundary=" + boundary,
                multipart(boundary, jsonBase(online, false).toString(), documents(online)));
        assertThat(counter.status()).as(counter.body()).isEqualTo(202);
        assertThat(multipart.status()).as(multipart.body()).isEqualTo(202);
        assertThat(post("/api/v1/requests/" + counter.get("trackingCode").asText() + "/cancellation", (String) null,
                counterHeaders()).status()).isEqualTo(202);
        assertThat(post("/api/v1/requests/" + multipart.get("trackingCode").asText() + "/cancellation", (String) null)
                .status()).isEqualTo(202);
    }

    private Case generate(Random random) {
        int pick = random.nextInt(100);
        if (pick < 40) {
            JsonNode type = Catalogue.letterTypes().get(random.nextInt(Catalogue.letterTypes().size()));
            return jsonCase(random, jsonBase(type, true), type, "application/json", true);
        }
        if (pick < 50) {
            JsonNode type = Catalogue.letterType("surat-keterangan-kematian");
            String contentType = WRONG_CONTENT_TYPES[random.nextInt(WRONG_CONTENT_TYPES.length)];
            return new Case("valid JSON as " + contentType, contentType, bytes(jsonBase(type, true)),
                    counterHeaders());
        }
        return multipartCase(random);
    }

    // --- JSON ---------------------------------------------------------------------------------------------------

    private Case jsonCase(Random random, ObjectNode body, JsonNode type, String contentType, boolean counter) {
        String[] headers = counter ? counterHeaders() : new String[0];
        int pick = random.nextInt(13);
        List<String> leaves = leaves(body);
        String leaf = leaves.get(random.nextInt(leaves.size()));
        switch (pick) {
            case 0 -> {
                JsonNode wrong = wrongType(random, at(body, leaf));
                set(body, leaf, wrong);
                return new Case("wrong JSON type at " + leaf, contentType, bytes(body), headers);
            }
            case 1 -> {
                String container = List.of("applicant", "data", "attachmentsOnPaper").get(random.nextInt(3));
                set(body, container, container.equals("attachmentsOnPaper") ? NODES.textNode("kk")
                        : random.nextBoolean() ? NODES.textNode("x") : NODES.arrayNode().add(1));
                return new Case("wrong JSON type for " + container, contentType, bytes(body), headers);
            }
            case 2 -> {
                int length = 2_001 + random.nextInt(random.nextInt(10) == 0 ? 80_000 : 5_000);
                set(body, leaf, NODES.textNode(randomLetters(random, length)));
                return new Case("huge string (" + length + ") at " + leaf, contentType, bytes(body), headers);
            }
            case 3 -> {
                return new Case("control character at " + leaf, contentType, bytes(insert(random, body, leaf,
                        CONTROL[random.nextInt(CONTROL.length)])), headers);
            }
            case 4 -> {
                return new Case("script tag at " + leaf, contentType, bytes(insert(random, body, leaf,
                        SCRIPTS[random.nextInt(SCRIPTS.length)])), headers);
            }
            case 5 -> {
                String odd = ODD_UNICODE[random.nextInt(ODD_UNICODE.length)];
                return new Case("unicode U+" + (odd.equals(LONE_SURROGATE) ? "D800" : Integer.toHexString(
                        odd.charAt(0))) + " at " + leaf, contentType,
                        bytes(insert(random, body, leaf, odd)), headers);
            }
            case 6 -> {
                List<String> required = new ArrayList<>(List.of("letterType", "villageCode", "applicant",
                        "applicant.nik", "applicant.name", "data"));
                Catalogue.fields(type).stream().filter(f -> f.get("required").asBoolean())
                        .forEach(f -> required.add("data." + f.get("name").asText()));
                if (counter) {
                    required.add("attachmentsOnPaper");
                }
                String gone = required.get(random.nextInt(required.size()));
                remove(body, gone);
                return new Case("missing " + gone, contentType, bytes(body), headers);
            }
            case 7 -> {
                String path = leaves.stream().filter(l -> !l.startsWith("attachmentsOnPaper")).toList()
                        .get(random.nextInt(leaves.size() - body.path("attachmentsOnPaper").size()));
                set(body, path, NODES.textNode(invalidValue(random, type, path)));
                return new Case("invalid value at " + path, contentType, bytes(body), headers);
            }
            case 8 -> {
                String unknown = List.of("prioritas", "applicant.pin", "data.warnaKesukaan", "data.x y",
                        "data." + "k".repeat(100)).get(random.nextInt(5));
                set(body, unknown, NODES.textNode("1"));
                return new Case("unknown field " + unknown.substring(0, Math.min(30, unknown.length())), contentType,
                        bytes(body), headers);
            }
            case 9 -> {
                byte[] all = bytes(body);
                return new Case("truncated JSON", contentType, Arrays.copyOf(all, random.nextInt(all.length)),
                        headers);
            }
            case 10 -> {
                byte[] all = bytes(body);
                int at = random.nextInt(all.length);
                byte[] garbage = random.nextBoolean() ? new byte[] {(byte) 0xFF} : new byte[] {(byte) 0xC3, 0x28};
                return new Case("invalid UTF-8 at byte " + at, contentType, splice(all, at, garbage), headers);
            }
            case 11 -> {
                String top = List.of("[]", "\"surat\"", "42", "null", "true", "{", "",
                        "[".repeat(3000) + "]".repeat(3000)).get(random.nextInt(8));
                return new Case("top level " + top.substring(0, Math.min(10, top.length())), contentType,
                        top.getBytes(StandardCharsets.UTF_8), headers);
            }
            default -> {
                if (counter) {
                    return new Case("documents on paper claimed online", contentType, bytes(body), new String[0]);
                }
                return new Case("unknown channel", contentType, bytes(body), new String[] {"X-DesaFlow-Channel",
                        "FAX"});
            }
        }
    }

    private static JsonNode wrongType(Random random, JsonNode current) {
        List<JsonNode> options = List.of(NODES.numberNode(random.nextInt()), NODES.booleanNode(random.nextBoolean()),
                NODES.arrayNode().add("a"), NODES.objectNode().put("a", "b"), NODES.numberNode(3.14));
        return options.get(random.nextInt(options.size()));
    }

    private static String invalidValue(Random random, JsonNode type, String path) {
        switch (path) {
            case "letterType" -> {
                return "surat-sakti";
            }
            case "villageCode" -> {
                return random.nextBoolean() ? "3309012099" : "33090120";
            }
            case "applicant.nik" -> {
                return List.of("3309013102900001", "3309019999990001", "1234", "0009014508900001",
                        "3309014508900000").get(random.nextInt(5));
            }
            case "applicant.name" -> {
                return "Sri 2";
            }
            case "applicant.phone" -> {
                return List.of("12345", "+6591234567", "0212345678", "08x").get(random.nextInt(4));
            }
            case "applicant.email" -> {
                return "sri@";
            }
            default -> {
                JsonNode field = Catalogue.fields(type).stream()
                        .filter(f -> path.equals("data." + f.get("name").asText())).findFirst().orElseThrow();
                return switch (field.get("kind").asText()) {
                    case "date" -> "2023-02-30";
                    case "year" -> "1800";
                    case "number" -> random.nextBoolean() ? "-1" : "12abc";
                    case "nik" -> "3309013102900001";
                    case "phone" -> "12345";
                    case "email" -> "bukan-email";
                    case "choice" -> "Bukan pilihan";
                    default -> field.has("pattern") ? "??" : "nul\u0000here";
                };
            }
        }
    }

    // --- multipart ----------------------------------------------------------------------------------------------

    private Case multipartCase(Random random) {
        JsonNode type = ONLINE_TYPES.get(random.nextInt(ONLINE_TYPES.size()));
        ObjectNode request = jsonBase(type, false);
        List<FilePart> files = new ArrayList<>(documents(type));
        String boundary = "----fuzz" + random.nextInt(1_000_000);
        String contentType = "multipart/form-data; boundary=" + boundary;
        FilePart target = files.get(random.nextInt(files.size()));
        int pick = random.nextInt(16);
        switch (pick) {
            case 0 -> {
                files.remove(target);
                return multipart("required document " + target.name() + " left out", boundary, request, files);
            }
            case 1, 2 -> {
                byte[] bad = badContent(random);
                files.set(files.indexOf(target), new FilePart(target.name(), "a.jpg", "image/jpeg", bad));
                return multipart("bad content for " + target.name(), boundary, request, files);
            }
            case 3 -> {
                String declared = List.of("text/html", "image/svg+xml", "application/x-msdownload", "text/plain")
                        .get(random.nextInt(4));
                files.set(files.indexOf(target), new FilePart(target.name(), "a", declared, target.bytes()));
                return multipart("declared " + declared, boundary, request, files);
            }
            case 4 -> {
                files.add(new FilePart(random.nextBoolean() ? "lampiran-lain" : "request", "x.png", "image/png",
                        TestFiles.png()));
                return multipart("extra part", boundary, request, files);
            }
            case 5 -> {
                files.add(target);
                return multipart("two files for " + target.name(), boundary, request, files);
            }
            case 6 -> {
                return new Case("no request part", contentType, multipart(boundary, null, files), new String[0]);
            }
            case 7, 8 -> {
                Case json = jsonCase(random, request, type, "multipart", false);
                return new Case("request part: " + json.description(), contentType, multipartRaw(boundary,
                        json.body(), files), json.headers());
            }
            case 9 -> {
                byte[] all = multipart(boundary, request.toString(), files);
                int closing = indexOf(all, ("--" + boundary + "--").getBytes(StandardCharsets.US_ASCII));
                return new Case("truncated multipart", contentType, Arrays.copyOf(all, random.nextInt(closing)),
                        new String[0]);
            }
            case 10 -> {
                byte[] all = multipart(boundary, request.toString(), files);
                // the part after "request" loses its boundary line: its bytes run into the JSON
                byte[] garbled = new String(all, StandardCharsets.ISO_8859_1).replaceFirst("(?s)(name=\"request\".*?)"
                        + "--" + boundary, "$1--x" + boundary).getBytes(StandardCharsets.ISO_8859_1);
                return new Case("garbled boundary", contentType, garbled, new String[0]);
            }
            case 11 -> {
                return new Case("boundary in the header differs from the body's", "multipart/form-data; boundary=other",
                        multipart(boundary, request.toString(), files), new String[0]);
            }
            case 12 -> {
                boolean huge = random.nextInt(8) == 0;
                int size = huge ? 4 * 1024 * 1024 + 1 + random.nextInt(1000) : 2 * 1024 * 1024 + 1 + random.nextInt(
                        200_000);
                files.set(files.indexOf(target), new FilePart(target.name(), "a.png", "image/png",
                        TestFiles.pngOfSize(size)));
                return multipart("oversized " + target.name() + " (" + size + ")", boundary, request, files);
            }
            case 13 -> {
                for (int i = 0; i < 20; i++) {
                    files.add(new FilePart("p" + i, "p.png", "image/png", TestFiles.png()));
                }
                return multipart("too many parts", boundary, request, files);
            }
            case 14 -> {
                String hugeJson = random.nextBoolean() ? "" : request.put("data", NODES.objectNode().put("keperluan",
                        "x".repeat(70 * 1024))).toString();
                return new Case(hugeJson.isEmpty() ? "empty request part" : "request part over 64 KB", contentType,
                        multipart(boundary, hugeJson, files), new String[0]);
            }
            default -> {
                request.set("attachmentsOnPaper", NODES.arrayNode().add(target.name()));
                files.remove(target);
                return multipart("documents on paper claimed online", boundary, request, files);
            }
        }
    }

    private static byte[] badContent(Random random) {
        byte[] jpeg = TestFiles.jpeg();
        byte[] png = TestFiles.png();
        byte[] pdf = TestFiles.pdf();
        return switch (random.nextInt(9)) {
            case 0 -> "<html><body>KTP</body></html>".getBytes();
            case 1 -> "<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>".getBytes();
            case 2 -> splice(jpeg, jpeg.length / 2, "<script>alert(1)</script>".getBytes());
            case 3 -> Arrays.copyOf(png, png.length - 1 - random.nextInt(20));
            case 4 -> Arrays.copyOfRange(pdf, 1 + random.nextInt(5), pdf.length);
            case 5 -> new String(pdf, StandardCharsets.US_ASCII).replace("/Type/Catalog", "/Type/Catalog/JS(x)")
                    .getBytes(StandardCharsets.US_ASCII);
            case 6 -> new byte[0];
            case 7 -> Arrays.copyOf(jpeg, 3 + random.nextInt(jpeg.length / 2));
            default -> {
                byte[] noise = new byte[1 + random.nextInt(4096)];
                random.nextBytes(noise);
                noise[0] = 'X'; // not a JPEG/PNG/PDF start by chance
                yield noise;
            }
        };
    }

    private Case multipart(String description, String boundary, ObjectNode request, List<FilePart> files) {
        return new Case(description, "multipart/form-data; boundary=" + boundary,
                multipart(boundary, request.toString(), files), new String[0]);
    }

    private static byte[] multipartRaw(String boundary, byte[] json, List<FilePart> files) {
        String marker = "\u0001JSON\u0001";
        byte[] all = multipart(boundary, marker, files);
        int at = indexOf(all, marker.getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(all, 0, at);
        out.writeBytes(json);
        out.write(all, at + marker.length(), all.length - at - marker.length());
        return out.toByteArray();
    }

    // --- bases and helpers --------------------------------------------------------------------------------------

    /** A valid submission of {@code type}; at the counter with every required document noted as brought on paper. */
    private ObjectNode jsonBase(JsonNode type, boolean counter) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("letterType", type.get("code").asText());
        body.put("villageCode", BEJI);
        body.put("applicant", Map.of("nik", nextNik(), "name", "Sri Rahayu", "phone", "081234567890",
                "email", "sri@example.id"));
        body.put("data", Catalogue.validData(type));
        if (counter) {
            body.put("attachmentsOnPaper", Catalogue.attachments(type).stream()
                    .filter(a -> a.get("required").asBoolean()).map(a -> a.get("kind").asText()).toList());
        }
        return json.valueToTree(body);
    }

    private static List<FilePart> documents(JsonNode type) {
        return Catalogue.attachments(type).stream().filter(a -> a.get("required").asBoolean()).map(a -> {
            boolean pdf = a.get("contentTypes").toString().contains("application/pdf");
            String kind = a.get("kind").asText();
            return pdf ? new FilePart(kind, kind + ".pdf", "application/pdf", TestFiles.pdf())
                    : new FilePart(kind, kind + ".jpg", "image/jpeg", TestFiles.jpeg());
        }).toList();
    }

    private static String[] counterHeaders() {
        return new String[] {"X-DesaFlow-Channel", "COUNTER", "X-DesaFlow-User", "operator-beji"};
    }

    /** Dotted paths of every text value (array elements as name[i]). */
    private static List<String> leaves(JsonNode node) {
        List<String> leaves = new ArrayList<>();
        collect(node, "", leaves);
        return leaves;
    }

    private static void collect(JsonNode node, String path, List<String> leaves) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                collect(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), leaves);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "[" + i + "]", leaves);
            }
        } else {
            leaves.add(path);
        }
    }

    private static JsonNode at(JsonNode root, String path) {
        return locate(root, path, (parent, key) -> key instanceof Integer i ? parent.get(i) : parent.get((String) key));
    }

    private static void set(JsonNode root, String path, JsonNode value) {
        locate(root, path, (parent, key) -> {
            if (key instanceof Integer i) {
                ((ArrayNode) parent).set(i, value);
            } else {
                ((ObjectNode) parent).set((String) key, value);
            }
            return null;
        });
    }

    private static void remove(JsonNode root, String path) {
        locate(root, path, (parent, key) -> ((ObjectNode) parent).remove((String) key));
    }

    private static ObjectNode insert(Random random, ObjectNode body, String path, String inserted) {
        String value = at(body, path).asText();
        int where = value.length() < 2 ? 0 : 1 + random.nextInt(value.length() - 1);
        set(body, path, new TextNode(value.substring(0, where) + inserted + value.substring(where)));
        return body;
    }

    /** Walks to the parent of the last step of {@code path} ("a.b", "a[1]") and applies {@code action} there. */
    private static JsonNode locate(JsonNode root, String path, java.util.function.BiFunction<JsonNode, Object,
            JsonNode> action) {
        String[] steps = path.split("\\.", -1);
        JsonNode parent = root;
        for (int i = 0; i < steps.length - 1; i++) {
            parent = parent.get(steps[i]);
        }
        String last = steps[steps.length - 1];
        int bracket = last.indexOf('[');
        if (bracket >= 0) {
            return action.apply(parent.get(last.substring(0, bracket)), Integer.parseInt(last.substring(bracket + 1,
                    last.length() - 1)));
        }
        return action.apply(parent, last);
    }

    private byte[] bytes(JsonNode node) {
        return node.toString().replace("\\u0001LONE\\u0001", "\\uD800").getBytes(StandardCharsets.UTF_8);
    }

    private static String randomLetters(Random random, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = (char) ('a' + random.nextInt(26));
        }
        return new String(chars);
    }

    private static byte[] splice(byte[] bytes, int at, byte[] inserted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, at);
        out.writeBytes(inserted);
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, byte[] needle) {
        outer:
        for (int i = 0; i <= bytes.length - needle.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (bytes[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        COLLECTIONS.forEach(c -> counts.put(c, mongo.getCollection(c).countDocuments()));
        return counts;
    }

}
