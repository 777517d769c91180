package id.desaflow.notification.template;

import id.desaflow.contracts.events.LetterTypeChanged;
import id.desaflow.platform.outbox.AggregateRoot;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What one village calls one of its letter types (id = {@code <villageCode>:<letterType>}, the event's key), from
 * the highest version received, with the ids of the events already handled so a redelivery has no second effect.
 */
@Document("villageLetterTypes")
class VillageLetterType extends AggregateRoot {
    @Id
    private String id;
    private int letterTypeVersion;
    private String label;
    private String labelEn;

    private VillageLetterType() {
    }

    static VillageLetterType of(String id) {
        VillageLetterType type = new VillageLetterType();
        type.id = id;
        return type;
    }

    /** Takes the names of a newer version; an older or equal one (arriving late) is only recorded as handled. */
    void receive(String eventId, LetterTypeChanged change) {
        if (change.version() > letterTypeVersion) {
            letterTypeVersion = change.version();
            label = change.label();
            labelEn = change.labelEn();
        }
        markHandled(eventId);
    }

    String label(String language) {
        return "en".equals(language) ? labelEn : label;
    }

    int letterTypeVersion() {
        return letterTypeVersion;
    }

    @Override
    protected String eventKey() {
        return id; // publishes nothing: the outbox stays empty
    }
}
