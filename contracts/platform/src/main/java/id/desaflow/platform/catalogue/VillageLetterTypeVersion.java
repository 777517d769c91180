package id.desaflow.platform.catalogue;

import id.desaflow.contracts.events.LetterTypeChanged;
import id.desaflow.platform.outbox.AggregateRoot;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

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

    LetterTypeChanged latest() {
        return latest;
    }

    @Override
    protected String eventKey() {
        return id; // publishes nothing: the outbox stays empty
    }
}
