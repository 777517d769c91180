package id.desaflow.approval.outbox;

import id.desaflow.platform.outbox.OutboxMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;

/**
 * Records an event in the outbox table. MANDATORY: it must join the engine command's transaction, so the event
 * exists exactly when the state change that caused it commits.
 */
@Component
public class Outbox {
    private final JdbcTemplate jdbc;

    Outbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void add(String requestId, Record event) {
        OutboxMessage m = OutboxMessage.of(requestId, event);
        jdbc.update("INSERT INTO outbox_event (event_id, type, topic, msg_key, payload, occurred_at, traceparent) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", m.eventId(), m.type(), m.topic(), m.key(), m.payload(),
                Timestamp.from(m.occurredAt()), m.traceparent());
    }
}
