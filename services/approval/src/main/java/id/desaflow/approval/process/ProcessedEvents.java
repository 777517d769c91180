package id.desaflow.approval.process;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * Ids of the events already acted on, recorded in the transaction of their effect. Should two deliveries race
 * past the check, the primary key makes the second transaction fail and roll back; its retry then skips.
 */
@Component
public class ProcessedEvents {
    private final JdbcTemplate jdbc;

    ProcessedEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public boolean firstTime(String eventId) {
        Integer seen = jdbc.queryForObject("SELECT COUNT(*) FROM processed_event WHERE event_id = ?", Integer.class,
                eventId);
        if (seen != null && seen > 0) {
            return false;
        }
        jdbc.update("INSERT INTO processed_event (event_id, processed_at) VALUES (?, ?)", eventId,
                Timestamp.from(Instant.now()));
        return true;
    }
}
