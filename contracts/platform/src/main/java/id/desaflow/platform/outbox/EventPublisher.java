package id.desaflow.platform.outbox;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes outbox messages as CloudEvents in Kafka binary content mode, waiting for the broker's acknowledgement
 * (idempotent producer, acks=all), so that a relay removes a message only after Kafka has it.
 */
public class EventPublisher {
    private final KafkaTemplate<String, byte[]> kafka;
    private final URI source;

    public EventPublisher(KafkaTemplate<String, byte[]> kafka, String serviceName) {
        this.kafka = kafka;
        this.source = URI.create("/desaflow/" + serviceName);
    }

    public void publish(OutboxMessage message) {
        CloudEvent event = CloudEventBuilder.v1()
                .withId(message.eventId())
                .withSource(source)
                .withType(message.type())
                .withSubject(message.key())
                .withTime(message.occurredAt().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(message.payload().getBytes(StandardCharsets.UTF_8))
                .build();
        ProducerRecord<String, byte[]> record = KafkaMessageFactory.createWriter(message.topic(), message.key())
                .writeBinary(event);
        if (message.traceparent() != null) {
            record.headers().add("traceparent", message.traceparent().getBytes(StandardCharsets.UTF_8));
        }
        try {
            kafka.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing " + message.eventId(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge event " + message.eventId(), e);
        }
    }
}
