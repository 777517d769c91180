package id.desaflow.platform.catalogue;

import id.desaflow.contracts.events.LetterTypeChanged;
import id.desaflow.platform.outbox.AggregateRoot;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.Optional;

/**
 * One village's version of one letter type (id = {@code <villageCode>:<letterType>}, the event's key): the highest
 * version received, and the ids of the events already handled so a redelivery has no second effect.
 */
@Document(VillageLetterTypeVersion.COLLECTION)
class VillageLetterTypeVersion extends AggregateRoot {
    static final String COLLECTION = "villageLetterTypes";

    @Id
    private String id;
    private LetterTypeChanged latest;

    private VillageLetterTypeVersion() {
    }

    static VillageLetterTypeVersion of(String id) {
        VillageLetterTypeVersion version = new VillageLetterTypeVersion();
        version.id = id;
        return version;
    }

    /** Keeps {@code change} if it is newer than the version held; an older or equal one is only recorded as handled. */
    void receive(String eventId, LetterTypeChanged change) {
        if (latest == null || change.version() > latest.version()) {
            latest = change;
        }
        markHandled(eventId);
    }

    /** The version of {@code key} kept in {@code mongo}, if any. */
    static Optional<LetterTypeChanged> latestIn(MongoOperations mongo, String key) {
        return Optional.ofNullable(mongo.findById(key, VillageLetterTypeVersion.class)).map(v -> v.latest);
    }

    /**
     * Receives {@code change} into the copy kept in {@code mongo} (one document write with the event id).
     * @return the version held afterwards; null when this event was handled already
     */
    static LetterTypeChanged keep(MongoOperations mongo, String eventId, LetterTypeChanged change) {
        VillageLetterTypeVersion stored = Optional.ofNullable(mongo.findById(change.key(),
                VillageLetterTypeVersion.class)).orElseGet(() -> of(change.key()));
        if (stored.hasHandled(eventId)) {
            return null;
        }
        stored.receive(eventId, change);
        mongo.save(stored);
        return stored.latest;
    }

    @Override
    protected String eventKey() {
        return id; // publishes nothing: the outbox stays empty
    }
}
