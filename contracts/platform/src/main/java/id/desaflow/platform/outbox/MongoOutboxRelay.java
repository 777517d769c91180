package id.desaflow.platform.outbox;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Publishes the events that {@link AggregateRoot}s saved in their documents, oldest document first and each
 * document's events in order, then removes each published event by id. At-least-once: a crash between publish
 * and removal publishes again, and consumers skip the repeat by event id.
 */
public class MongoOutboxRelay {
    private static final Logger log = LoggerFactory.getLogger(MongoOutboxRelay.class);

    private final MongoTemplate mongo;
    private final EventPublisher publisher;
    private final List<String> collections;

    public MongoOutboxRelay(MongoTemplate mongo, EventPublisher publisher, List<String> collections) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.collections = collections;
    }

    @Scheduled(fixedDelayString = "${desaflow.outbox.poll-interval:200ms}")
    public void relay() {
        for (String collection : collections) {
            relay(collection);
        }
    }

    /** @return how many events were published */
    public int relay(String collection) {
        Query pending = new Query(Criteria.where("outbox.0").exists(true)).limit(100);
        pending.fields().include("outbox");
        int published = 0;
        for (Document doc : mongo.find(pending, Document.class, collection)) {
            @SuppressWarnings("unchecked")
            List<Document> outbox = (List<Document>) doc.get("outbox", List.class);
            for (Document m : outbox) {
                OutboxMessage message = toMessage(m);
                try {
                    publisher.publish(message);
                } catch (RuntimeException e) {
                    log.warn("Outbox relay could not publish {} {}; will retry", message.type(), message.eventId(), e);
                    return published; // keep order: never publish a later event before an earlier one
                }
                mongo.updateFirst(Query.query(Criteria.where("_id").is(doc.get("_id"))),
                        new Update().pull("outbox", new Document("eventId", message.eventId())), collection);
                published++;
            }
        }
        return published;
    }

    private static OutboxMessage toMessage(Document m) {
        Object occurred = m.get("occurredAt");
        Instant occurredAt = occurred instanceof Date d ? d.toInstant() : Instant.now();
        return new OutboxMessage(m.getString("eventId"), m.getString("type"), m.getString("topic"),
                m.getString("key"), m.getString("payload"), occurredAt, m.getString("traceparent"));
    }
}
