package id.desaflow.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * The real catalogue as test data (read from the classpath, as the service reads it), with a valid sample value for
 * every field, so tests can walk every letter type without repeating its fields.
 */
public final class Catalogue {
    private static final JsonNode TYPES = read();

    public static List<JsonNode> letterTypes() {
        return StreamSupport.stream(TYPES.spliterator(), false).toList();
    }

    public static JsonNode letterType(String code) {
        return letterTypes().stream().filter(t -> t.get("code").asText().equals(code)).findFirst().orElseThrow();
    }

    public static List<JsonNode> fields(JsonNode type) {
        return StreamSupport.stream(type.get("fields").spliterator(), false).toList();
    }

    public static List<JsonNode> attachments(JsonNode type) {
        return StreamSupport.stream(type.get("attachments").spliterator(), false).toList();
    }

    /** Every field of the type with a valid sample value (optional ones too, so their rules are exercised). */
    public static Map<String, String> validData(JsonNode type) {
        Map<String, String> data = new LinkedHashMap<>();
        fields(type).forEach(f -> data.put(f.get("name").asText(), sample(f)));
        return data;
    }

    static String sample(JsonNode field) {
        String pattern = field.path("pattern").asText(null);
        if (pattern != null) {
            return switch (pattern) {
                case "[0-9]{16}" -> "3309010101090001";
                case "([01][0-9]|2[0-3])[.:][0-5][0-9]" -> "08:30";
                default -> throw new IllegalStateException("No sample for pattern " + pattern);
            };
        }
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
        return switch (field.get("kind").asText()) {
            case "textarea" -> "Baris pertama\nBaris kedua";
            case "date" -> "not-past".equals(field.path("dateRange").asText()) ? today.plusDays(30).toString()
                    : "2020-01-15";
            case "year" -> "2015";
            case "number" -> {
                long min = field.path("min").asLong(0);
                long max = field.path("max").asLong(min + 10);
                yield String.valueOf(min + (max - min) / 2);
            }
            case "nik" -> "3309011203450002";
            case "phone" -> "0812 3456 7890";
            case "email" -> "warga@example.id";
            case "choice" -> field.get("options").get(0).asText();
            default -> {
                String text = "Contoh " + field.get("label").asText().replaceAll("[^\\p{L} ]", "");
                yield text.substring(0, Math.min(field.path("maxLength").asInt(200), text.length())).strip();
            }
        };
    }

    private static JsonNode read() {
        try (InputStream in = Catalogue.class.getResourceAsStream("/catalogue/letter-types.json")) {
            return new ObjectMapper().readTree(in).get("letterTypes");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Catalogue() {
    }
}
