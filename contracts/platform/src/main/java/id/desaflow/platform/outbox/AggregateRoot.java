package id.desaflow.platform.outbox;

import org.springframework.data.annotation.Version;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Base of a MongoDB aggregate that keeps its own outbox and the ids of the events it has already handled in the
 * same document, so that a state change, the events it causes and the record of its cause are written in ONE
 * atomic document write (no multi-document transactions needed; see DESIGN.md).
 * {@link MongoOutboxRelay} publishes and removes the pending events.
 */
public abstract class AggregateRoot {

    /** Events saved with this state, not yet confirmed by Kafka. */
    private List<OutboxMessage> outbox = new ArrayList<>();

    /** Ids of consumed events whose effect is part of this state: a redelivery is recognised and skipped. */
    private Set<String> handledEventIds = new LinkedHashSet<>();

    @Version
    private Long version;

    /** The key of every event this aggregate publishes (the request id for request aggregates). */
    protected abstract String eventKey();

    protected final void publish(Record event) {
        outbox.add(OutboxMessage.of(eventKey(), event));
    }

    /** @return true if the effect of {@code eventId} is already part of this aggregate's state */
    public final boolean hasHandled(String eventId) {
        return handledEventIds.contains(eventId);
    }

    /** Records that {@code eventId}'s effect is now part of this state; call in the same change as the effect. */
    protected final void markHandled(String eventId) {
        if (eventId != null) {
            handledEventIds.add(eventId);
        }
    }

    public final List<OutboxMessage> pendingEvents() {
        return Collections.unmodifiableList(outbox);
    }

    public final Long version() {
        return version;
    }
}
