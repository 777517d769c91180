package id.desaflow.approval.outbox;

import id.desaflow.platform.outbox.EventPublisher;
import id.desaflow.platform.outbox.OutboxMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Publishes outbox rows in commit order and deletes each once Kafka acknowledged it. At-least-once: a crash
 * between publish and delete publishes again, which the consumers' idempotency absorbs. Stops at the first
 * failure so a request's events keep their order.
 */
@Component
class OutboxRelay {
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcTemplate jdbc;
    private final EventPublisher publisher;
    private final int batchSize;

    OutboxRelay(JdbcTemplate jdbc, EventPublisher publisher, @Value("${desaflow.outbox.batch-size:100}") int batchSize) {
        this.jdbc = jdbc;
        this.publisher = publisher;
        this.batchSize = batchSize;
    }

    @Scheduled(fixedDelayString = "${desaflow.outbox.poll-interval:200ms}")
    void relay() {
        List<OutboxMessage> pending = jdbc.query(
                "SELECT event_id, type, topic, msg_key, payload, occurred_at, traceparent FROM outbox_event "
                        + "ORDER BY seq FETCH FIRST " + batchSize + " ROWS ONLY",
                (rs, i) -> new OutboxMessage(rs.getString("event_id"), rs.getString("type"), rs.getString("topic"),
                        rs.getString("msg_key"), rs.getString("payload"),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getString("traceparent")));
        for (OutboxMessage message : pending) {
            try {
                publisher.publish(message);
            } catch (RuntimeException e) {
                log.warn("Outbox relay could not publish {} ({}); will retry", message.eventId(), message.type(), e);
                return;
            }
            jdbc.update("DELETE FROM outbox_event WHERE event_id = ?", message.eventId());
        }
    }
}
