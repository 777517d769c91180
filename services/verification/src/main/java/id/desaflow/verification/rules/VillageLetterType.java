package id.desaflow.verification.rules;

import id.desaflow.contracts.events.LetterTypeChanged;
import id.desaflow.platform.outbox.AggregateRoot;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One village's version of one letter type (id = {@code <villageCode>:<letterType>}, the event's key): the highest
 * version received, and the ids of the events already handled so a redelivery has no second effect.
 */
@Document("villageLetterTypes")
class VillageLetterType extends AggregateRoot {
    @Id
    private String id;
    private LetterTypeChanged latest;

    private VillageLetterType() {
    }

    static VillageLetterType of(String id) {
        VillageLetterType type = new VillageLetterType();
        type.id = id;
        return type;
    }

    /**
     * Keeps {@code change} if it is newer than the version held; an older or equal one (arriving late) is only
     * recorded as handled.
     */
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
