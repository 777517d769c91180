package id.desaflow.contracts.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Validates event payloads against the JSON Schemas of the contract (used by every service's contract test). */
public final class EventSchemas {
    private static final Map<EventType, JsonSchema> SCHEMAS = new EnumMap<>(EventType.class);

    /** @return the schema violations of {@code json} as a {@code type}, empty when it conforms */
    public static Set<String> violations(EventType type, byte[] json) {
        try {
            JsonNode node = EventJson.mapper().readTree(json);
            return schema(type).validate(node).stream().map(ValidationMessage::getMessage)
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
        } catch (IOException e) {
            return Set.of("not JSON: " + e.getMessage());
        }
    }

    private static synchronized JsonSchema schema(EventType type) {
        return SCHEMAS.computeIfAbsent(type, t -> {
            try (InputStream in = EventSchemas.class.getResourceAsStream(t.schemaPath())) {
                if (in == null) {
                    throw new IllegalStateException("No schema at " + t.schemaPath());
                }
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private EventSchemas() {
    }
}
