package id.desaflow.notification.template;

import id.desaflow.contracts.events.LetterTypeChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The names villages gave their letter types (intake's {@link LetterTypeChanged}), stored in MongoDB and read through
 * a cache: every message names its letter type. The instance that stores a change forgets its entry at once; other
 * instances (the event reaches only one of them) read it again after {@code refresh-after}.
 */
@Component
public class VillageLetterTypes {
    private static final Logger log = LoggerFactory.getLogger(VillageLetterTypes.class);

    private final VillageLetterTypeVersions versions;
    private final long refreshAfterNanos;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Optional<VillageLetterType> type, long readAt) {
    }

    VillageLetterTypes(VillageLetterTypeVersions versions,
            @Value("${desaflow.village-letter-types.refresh-after:PT1M}") Duration refreshAfter) {
        this.versions = versions;
        this.refreshAfterNanos = refreshAfter.toNanos();
    }

    /**
     * Keeps the village's names if the version is newer than the one held. Names and event id are one document
     * write; an insert race or a version conflict throws and the listener's retry sees the stored state.
     */
    public void changed(String eventId, LetterTypeChanged change) {
        VillageLetterType type = versions.findById(change.key()).orElseGet(() -> VillageLetterType.of(change.key()));
        if (type.hasHandled(eventId)) {
            return;
        }
        type.receive(eventId, change);
        versions.save(type);
        cache.remove(change.key());
        log.info("Village {} names version {} of {} (received version {})", change.villageCode(),
                type.letterTypeVersion(), change.letterType(), change.version());
    }

    /** The village's own name of the letter type; empty while it uses the catalogue's. */
    Optional<String> label(String villageCode, String letterType, String language) {
        if (villageCode == null || letterType == null) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        // read inside compute: a change stored meanwhile removes the entry after this read, never before it
        return cache.compute(villageCode + ":" + letterType, (key, cached) -> cached != null
                && now - cached.readAt() < refreshAfterNanos ? cached
                : new Cached(versions.findById(key), now)).type().map(t -> t.label(language));
    }
}
