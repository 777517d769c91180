package id.desaflow.platform.outbox;

import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import id.desaflow.contracts.events.EventType;
import id.desaflow.contracts.events.RequestCancelled;
import id.desaflow.contracts.events.Topics;
import id.desaflow.platform.test.EventRecorder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbox round trip on real servers: one document write, then Kafka, then the outbox is empty. */
@SpringJUnitConfig
@EmbeddedKafka(kraft = true, partitions = 1, topics = Topics.INTAKE)
class MongoOutboxRelayTest {
    static MongoServer server;
    static MongoTemplate mongo;

    @Autowired
    EmbeddedKafkaBroker broker;
    private final List<DefaultKafkaProducerFactory<String, byte[]>> producers = new ArrayList<>();

    @Document("things")
    static class Thing extends AggregateRoot {
        @Id
        String id;

        Thing(String id) {
            this.id = id;
        }

        void cancel() {
            publish(new RequestCancelled(id, "test", Instant.parse("2026-11-22T08:00:00Z")));
        }

        @Override
        protected String eventKey() {
            return id;
        }
    }

    @BeforeAll
    static void startMongo() {
        server = new MongoServer(new MemoryBackend());
        var address = server.bind();
        mongo = new MongoTemplate(MongoClients.create("mongodb://127.0.0.1:" + address.getPort()), "t");
    }

    @AfterAll
    static void stopMongo() {
        server.shutdownNow();
    }

    @Test
    void publishesPendingEventsInOrderAndEmptiesTheOutbox() {
        var relay = new MongoOutboxRelay(mongo, new EventPublisher(kafka(), "test"), List.of("things"));

        Thing thing = new Thing("req-1");
        thing.cancel();
        thing.cancel();
        mongo.save(thing);
        mongo.save(new Thing("req-2")); // nothing pending: must not be touched

        assertThat(relay.relay("things")).isEqualTo(2);
        assertThat(relay.relay("things")).isZero();
        assertThat(mongo.findById("req-1", Thing.class, "things").pendingEvents()).isEmpty();

        try (var recorder = new EventRecorder(broker.getBrokersAsString(), Topics.INTAKE)) {
            recorder.await(e -> recorder.events(EventType.REQUEST_CANCELLED, "req-1").size() == 2);
            assertThat(recorder.contractViolations()).isEmpty();
            var ids = recorder.events(EventType.REQUEST_CANCELLED, "req-1").stream().map(e -> e.id()).toList();
            assertThat(ids).doesNotHaveDuplicates();
            assertThat(recorder.events().get(0).source()).isEqualTo("/desaflow/test");
        }
    }

    /**
     * A copy loaded before the relay removed an event, saved after (say, a second change in the same operation),
     * writes the event back; the relay removes it again and does not publish it twice.
     */
    @Test
    void anEventWrittenBackByAStaleSaveIsNotPublishedAgain() {
        var relay = new MongoOutboxRelay(mongo, new EventPublisher(kafka(), "test"), List.of("things"));
        Thing thing = new Thing("req-4");
        thing.cancel();
        mongo.save(thing);
        Thing stale = mongo.findById("req-4", Thing.class, "things");

        assertThat(relay.relay("things")).isEqualTo(1);
        mongo.save(stale);
        assertThat(mongo.findById("req-4", Thing.class, "things").pendingEvents()).as("written back").hasSize(1);
        assertThat(relay.relay("things")).isZero();
        assertThat(mongo.findById("req-4", Thing.class, "things").pendingEvents()).isEmpty();

        // one partition: a second copy of req-4's event would arrive before the next event
        Thing next = new Thing("req-5");
        next.cancel();
        mongo.save(next);
        assertThat(relay.relay("things")).isEqualTo(1);
        try (var recorder = new EventRecorder(broker.getBrokersAsString(), Topics.INTAKE)) {
            recorder.await(e -> e.subject().equals("req-5"));
            assertThat(recorder.events(EventType.REQUEST_CANCELLED, "req-4")).hasSize(1);
        }
    }

    @Test
    void publishedIdsAreForgottenAfterADay() {
        Instant t0 = Instant.parse("2026-11-20T08:00:00Z");
        Thing early = new Thing("req-6");
        early.cancel();
        mongo.save(early);
        new MongoOutboxRelay(mongo, new EventPublisher(kafka(), "test"), List.of("things"),
                Clock.fixed(t0, ZoneOffset.UTC)).relay("things");
        Thing late = new Thing("req-7");
        late.cancel();
        mongo.save(late);
        var dayLater = new MongoOutboxRelay(mongo, new EventPublisher(kafka(), "test"), List.of("things"),
                Clock.fixed(t0.plus(Duration.ofHours(25)), ZoneOffset.UTC));
        dayLater.relay("things");

        dayLater.forgetOldIds();

        assertThat(mongo.findById(early.pendingEvents().get(0).eventId(), org.bson.Document.class,
                MongoOutboxRelay.PUBLISHED)).isNull();
        assertThat(mongo.findById(late.pendingEvents().get(0).eventId(), org.bson.Document.class,
                MongoOutboxRelay.PUBLISHED)).isNotNull();
        assertThat(mongo.indexOps(MongoOutboxRelay.PUBLISHED).getIndexInfo())
                .anyMatch(index -> index.isIndexForFields(List.of("at"))
                        && index.getExpireAfter().equals(Optional.of(Duration.ofDays(1))));
    }

    private KafkaTemplate<String, byte[]> kafka() {
        Map<String, Object> props = KafkaTestUtils.producerProps(broker);
        var producers = new DefaultKafkaProducerFactory<>(props, new StringSerializer(), new ByteArraySerializer());
        this.producers.add(producers);
        return new KafkaTemplate<>(producers);
    }

    @AfterEach
    void closeProducers() {
        producers.forEach(DefaultKafkaProducerFactory::destroy);
    }

    @Test
    void handledEventIdsTravelWithTheDocument() {
        Thing thing = new Thing("req-3");
        thing.markHandled("event-1");
        mongo.save(thing);
        Thing loaded = mongo.findById("req-3", Thing.class, "things");
        assertThat(loaded.hasHandled("event-1")).isTrue();
        assertThat(loaded.hasHandled("event-2")).isFalse();
        assertThat(loaded.version()).isNotNull();
    }
}
