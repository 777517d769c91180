package id.desaflow.platform.outbox;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Publishes the events that {@link AggregateRoot}s saved in their documents, each document's events in order (the
 * order that matters: one aggregate's events), then removes each published event by id. At-least-once: a crash between publish
 * and removal publishes again, and consumers skip the repeat by event id.
 * <p>
 * The ids of published events are kept for a day ({@value #PUBLISHED}): a copy of an aggregate loaded before an event
 * was removed, and saved after, writes the event back into its document; the relay then removes it again without
 * publishing it a second time.
 */
public class MongoOutboxRelay {
    static final String PUBLISHED = "outbox_published";
    /** Far longer than any load-change-save of an aggregate takes. */
    static final Duration KEEP = Duration.ofDays(1);
    private static final Logger log = LoggerFactory.getLogger(MongoOutboxRelay.class);

    private final MongoTemplate mongo;
    private final EventPublisher publisher;
    private final List<String> collections;
    private final Clock clock;
    private volatile Instant nextPurge = Instant.MIN;
    private volatile boolean indexed;

    public MongoOutboxRelay(MongoTemplate mongo, EventPublisher publisher, List<String> collections) {
        this(mongo, publisher, collections, Clock.systemUTC());
    }

    MongoOutboxRelay(MongoTemplate mongo, EventPublisher publisher, List<String> collections, Clock clock) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.collections = collections;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${desaflow.outbox.poll-interval:200ms}")
    public void relay() {
        forgetOldIds();
        for (String collection : collections) {
            relay(collection);
        }
    }

    /** @return how many events were published */
    public int relay(String collection) {
        Query pending = new Query(Criteria.where("outbox.0").exists(true)).limit(100);
        pending.fields().include("outbox");
        List<Document> docs = mongo.find(pending, Document.class, collection);
        if (docs.isEmpty()) {
            return 0;
        }
        int published = 0;
        Set<String> done = publishedAmong(docs.stream().flatMap(doc -> outbox(doc).stream())
                .map(m -> m.getString("eventId")).toList());
        for (Document doc : docs) {
            for (Document m : outbox(doc)) {
                OutboxMessage message = toMessage(m);
                if (done.contains(message.eventId())) {
                    log.debug("Event {} {} was written back by a stale save; removed, not published again",
                            message.type(), message.eventId());
                } else {
                    try {
                        publisher.publish(message);
                    } catch (RuntimeException e) {
                        log.warn("Outbox relay could not publish {} {}; will retry", message.type(),
                                message.eventId(), e);
                        return published; // keep order: never publish a later event before an earlier one
                    }
                    mongo.save(new Document("_id", message.eventId()).append("at", Date.from(clock.instant())),
                            PUBLISHED);
                    published++;
                }
                mongo.updateFirst(Query.query(Criteria.where("_id").is(doc.get("_id"))),
                        new Update().pull("outbox", new Document("eventId", message.eventId())), collection);
            }
        }
        return published;
    }

    /** One query for the whole batch: which of these events were published already. */
    private Set<String> publishedAmong(List<String> eventIds) {
        Query query = Query.query(Criteria.where("_id").in(eventIds));
        query.fields().include("_id");
        Set<String> done = new HashSet<>();
        mongo.find(query, Document.class, PUBLISHED).forEach(d -> done.add(d.getString("_id")));
        return done;
    }

    @SuppressWarnings("unchecked")
    private static List<Document> outbox(Document doc) {
        return (List<Document>) doc.get("outbox", List.class);
    }

    /**
     * Hourly: drops ids older than {@link #KEEP}. MongoDB's TTL index does so too; the in-memory wire-protocol
     * server of the local stack and the tests ignores TTL indexes.
     */
    void forgetOldIds() {
        Instant now = clock.instant();
        if (now.isBefore(nextPurge)) {
            return;
        }
        nextPurge = now.plus(Duration.ofHours(1));
        if (!indexed) {
            try {
                mongo.indexOps(PUBLISHED).createIndex(new Index().on("at", Sort.Direction.ASC).expire(KEEP));
                indexed = true;
            } catch (RuntimeException e) {
                log.warn("Could not create the TTL index of {}; the hourly purge still runs", PUBLISHED, e);
            }
        }
        try {
            mongo.remove(Query.query(Criteria.where("at").lt(Date.from(now.minus(KEEP)))), PUBLISHED);
        } catch (RuntimeException e) {
            nextPurge = now.plus(Duration.ofMinutes(1));
            log.warn("Could not drop old published event ids; will try again in a minute", e);
        }
    }

    private static OutboxMessage toMessage(Document m) {
        Object occurred = m.get("occurredAt");
        Instant occurredAt = occurred instanceof Date d ? d.toInstant() : Instant.now();
        return new OutboxMessage(m.getString("eventId"), m.getString("type"), m.getString("topic"),
                m.getString("key"), m.getString("payload"), occurredAt, m.getString("traceparent"));
    }
}
