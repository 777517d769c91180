package id.desaflow.platform.outbox;

import id.desaflow.contracts.events.EventJson;
import id.desaflow.contracts.events.EventType;
import org.slf4j.MDC;

import java.time.Instant;
import java.util.UUID;

/**
 * An event waiting to be published, stored with the state change that caused it (in the aggregate's own document,
 * or in the same database transaction). {@code payload} is the JSON of the event record; {@code traceparent}
 * carries the W3C trace of the request that caused it, so the consumer's logs join the same trace.
 */
public record OutboxMessage(String eventId, String type, String topic, String key, String payload, Instant occurredAt,
        String traceparent) {

    public static OutboxMessage of(String key, Record payload) {
        EventType type = EventType.forPayload(payload.getClass());
        return new OutboxMessage(UUID.randomUUID().toString(), type.type(), type.topic(), key,
                EventJson.toJson(payload), Instant.now(), currentTraceparent());
    }

    private static String currentTraceparent() {
        String traceId = MDC.get("traceId");
        String spanId = MDC.get("spanId");
        return traceId == null || spanId == null ? null : "00-" + traceId + "-" + spanId + "-01";
    }
}
