package id.desaflow.platform.test;

import id.desaflow.contracts.events.EventSchemas;
import id.desaflow.contracts.events.EventType;
import id.desaflow.platform.messaging.IncomingEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

/**
 * Reads what services publish on real Kafka topics, from the beginning, for assertions: every event read is
 * checked against its JSON Schema (the contract test of every produced event).
 */
public final class EventRecorder implements AutoCloseable {
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<IncomingEvent> events = new ArrayList<>();
    private final List<String> contractViolations = new ArrayList<>();

    public EventRecorder(String bootstrapServers, String... topics) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "recorder-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topics));
    }

    /** Waits until an event matching {@code condition} has been read, and returns it. */
    public IncomingEvent await(Predicate<IncomingEvent> condition) {
        return await(Duration.ofSeconds(30), condition);
    }

    public IncomingEvent await(Duration timeout, Predicate<IncomingEvent> condition) {
        Awaitility.await().atMost(timeout.toMillis(), TimeUnit.MILLISECONDS).until(() -> {
            poll();
            return events.stream().anyMatch(condition);
        });
        return events.stream().filter(condition).findFirst().orElseThrow();
    }

    public IncomingEvent awaitType(EventType type, String requestId) {
        return await(e -> e.type().equals(type.type()) && requestId.equals(e.subject()));
    }

    /** Everything read so far (call {@link #poll()} or an await first). */
    public List<IncomingEvent> events() {
        return List.copyOf(events);
    }

    public List<IncomingEvent> events(EventType type, String requestId) {
        poll();
        return events.stream().filter(e -> e.type().equals(type.type()) && requestId.equals(e.subject())).toList();
    }

    /** Schema violations of every known event read so far; a contract test asserts this is empty. */
    public List<String> contractViolations() {
        return List.copyOf(contractViolations);
    }

    public void poll() {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            IncomingEvent event = IncomingEvent.from(record);
            events.add(event);
            event.knownType().ifPresentOrElse(type -> {
                Set<String> violations = EventSchemas.violations(type, event.data());
                if (!violations.isEmpty()) {
                    contractViolations.add(event.type() + " " + event.id() + ": " + violations);
                }
                if (!event.subject().equals(record.key())) {
                    contractViolations.add(event.type() + " " + event.id() + ": key is not the subject");
                }
            }, () -> contractViolations.add("unknown type " + event.type()));
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
