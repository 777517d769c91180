package id.desaflow.approval.letter;

import id.desaflow.approval.process.ProcessedEvents;
import id.desaflow.contracts.events.EventJson;
import id.desaflow.contracts.events.LetterTypeChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Each village's own version of a letter type (intake's {@link LetterTypeChanged}), kept in this service's database,
 * and the lookup {@code (village, letter type) → the village's version, else the shipped one}. Only the highest
 * version counts: an older or equal one arriving late changes nothing.
 * <p>
 * Looked up for every inbox row, so read through the platform's cache; the instance that stores a change forgets
 * its entry at commit, other instances (the event reaches only one of them) read it again after {@code refresh-after}.
 */
@Component
public class VillageLetterTypes {
    private static final Logger log = LoggerFactory.getLogger(VillageLetterTypes.class);

    private final JdbcTemplate jdbc;
    private final ProcessedEvents processed;
    private final LetterCatalogue catalogue;
    /** The platform's cache of villages' versions, read from this service's table. */
    private final id.desaflow.platform.catalogue.VillageLetterTypes versions;

    VillageLetterTypes(JdbcTemplate jdbc, ProcessedEvents processed, LetterCatalogue catalogue,
            @Value("${desaflow.village-letter-types.refresh-after:PT1M}") Duration refreshAfter) {
        this.jdbc = jdbc;
        this.processed = processed;
        this.catalogue = catalogue;
        this.versions = id.desaflow.platform.catalogue.VillageLetterTypes.cached(this::read, refreshAfter);
    }

    /** Stores the village's new version, unless this event was handled already or a newer version is held. */
    @Transactional
    public void changed(String eventId, LetterTypeChanged change) {
        if (!processed.firstTime(eventId)) {
            return;
        }
        List<Integer> held = jdbc.queryForList("SELECT version FROM village_letter_type WHERE village_code = ? "
                + "AND letter_type = ?", Integer.class, change.villageCode(), change.letterType());
        if (!held.isEmpty() && held.get(0) >= change.version()) {
            log.info("Version {} of {} in village {} ignored: version {} is held", change.version(),
                    change.letterType(), change.villageCode(), held.get(0));
            return;
        }
        String definition = EventJson.toJson(change);
        Timestamp changedAt = Timestamp.from(change.changedAt());
        if (held.isEmpty()) {
            jdbc.update("INSERT INTO village_letter_type (village_code, letter_type, version, definition, changed_at) "
                    + "VALUES (?, ?, ?, ?, ?)", change.villageCode(), change.letterType(), change.version(),
                    definition, changedAt);
        } else {
            jdbc.update("UPDATE village_letter_type SET version = ?, definition = ?, changed_at = ? "
                    + "WHERE village_code = ? AND letter_type = ?", change.version(), definition, changedAt,
                    change.villageCode(), change.letterType());
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                versions.forget(change.villageCode(), change.letterType());
            }
        });
        log.info("Village {} now uses version {} of {}", change.villageCode(), change.version(),
                change.letterType());
    }

    /** The village's version of the type, else the shipped one (unknown to both: the catalogue refuses it). */
    LetterCatalogue.Type type(String villageCode, String letterType) {
        return own(villageCode, letterType).orElseGet(() -> catalogue.require(letterType));
    }

    /** The type's name as the village calls it, e.g. in an official's inbox. */
    public String label(String villageCode, String letterType) {
        return versions.latest(villageCode, letterType).map(LetterTypeChanged::label)
                .orElseGet(() -> catalogue.label(letterType));
    }

    /** Reads every village's version again at its next lookup (after the table was changed behind our back). */
    void forget() {
        versions.forget();
    }

    private Optional<LetterCatalogue.Type> own(String villageCode, String letterType) {
        return versions.latest(villageCode, letterType).map(catalogue::version);
    }

    private Optional<LetterTypeChanged> read(String villageCode, String letterType) {
        return jdbc.queryForList("SELECT definition FROM village_letter_type WHERE village_code = ? "
                + "AND letter_type = ?", String.class, villageCode, letterType).stream().findFirst()
                .map(json -> EventJson.fromBytes(json.getBytes(StandardCharsets.UTF_8), LetterTypeChanged.class));
    }
}
