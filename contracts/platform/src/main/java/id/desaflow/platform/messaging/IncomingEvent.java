package id.desaflow.platform.messaging;

import id.desaflow.contracts.events.EventJson;
import id.desaflow.contracts.events.EventSchemas;
import id.desaflow.contracts.events.EventType;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.Optional;
import java.util.Set;

/**
 * A CloudEvent read from Kafka (binary content mode). Consumers switch on {@link #knownType()} and ignore types
 * they do not know; {@link #payload(Class)} checks the payload against its JSON Schema first, so a malformed event
 * goes straight to the dead-letter topic instead of being retried.
 */
public record IncomingEvent(String id, String type, String source, String subject, byte[] data) {

    public static IncomingEvent from(ConsumerRecord<String, byte[]> record) {
        CloudEvent event;
        try {
            event = KafkaMessageFactory.createReader(record).toEvent();
        } catch (RuntimeException e) {
            throw new MalformedEventException("Record is not a CloudEvent: " + e.getMessage(), e);
        }
        byte[] data = event.getData() == null ? new byte[0] : event.getData().toBytes();
        return new IncomingEvent(event.getId(), event.getType(), event.getSource().toString(), event.getSubject(),
                data);
    }

    public Optional<EventType> knownType() {
        return EventType.of(type);
    }

    /** Whether this is an event of {@code eventType} (a listener of a topic that carries more than one type). */
    public boolean is(EventType eventType) {
        return eventType.type().equals(type);
    }

    public <T extends Record> T payload(Class<T> payloadType) {
        EventType expected = EventType.forPayload(payloadType);
        if (!expected.type().equals(type)) {
            throw new MalformedEventException("Event " + id + " is " + type + ", not " + expected.type(), null);
        }
        Set<String> violations = EventSchemas.violations(expected, data);
        if (!violations.isEmpty()) {
            throw new MalformedEventException("Event " + id + " breaks its schema: " + violations, null);
        }
        return EventJson.fromBytes(data, payloadType);
    }
}
