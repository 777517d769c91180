package id.desaflow.platform.catalogue;

import id.desaflow.contracts.events.LetterTypeChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Each village's latest version of a letter type (intake's {@link LetterTypeChanged}) as a consuming service keeps it:
 * stored in the service's MongoDB (collection {@code villageLetterTypes}) and read through a cache, since rules and
 * messages ask on every request. The instance that stores a change forgets its entry at once; other instances (the
 * event reaches only one of them) read it again after {@code refreshAfter}. Empty = the village uses the shipped one.
 */
public final class VillageLetterTypes {
    private static final Logger log = LoggerFactory.getLogger(VillageLetterTypes.class);

    private final BiFunction<String, String, Optional<LetterTypeChanged>> read; // (village, letter type)
    private final BiFunction<String, LetterTypeChanged, LetterTypeChanged> keep; // null: read only
    private final long refreshAfterNanos;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Optional<LetterTypeChanged> latest, long readAt) {
    }

    private VillageLetterTypes(BiFunction<String, String, Optional<LetterTypeChanged>> read,
            BiFunction<String, LetterTypeChanged, LetterTypeChanged> keep, Duration refreshAfter) {
        this.read = read;
        this.keep = keep;
        this.refreshAfterNanos = refreshAfter.toNanos();
    }

    /** The versions villages sent, kept in {@code mongo}; {@link #changed} stores them. */
    public static VillageLetterTypes stored(MongoOperations mongo, Duration refreshAfter) {
        return new VillageLetterTypes((village, type) -> VillageLetterTypeVersion.latestIn(mongo,
                LetterTypeChanged.key(village, type)), (eventId, change) -> VillageLetterTypeVersion.keep(mongo,
                eventId, change), refreshAfter);
    }

    /**
     * The versions a service keeps in a store of its own ({@code read(village, letterType)}), with this cache in
     * front; the service stores changes itself and calls {@link #forget(String, String)} once they are committed.
     */
    public static VillageLetterTypes cached(BiFunction<String, String, Optional<LetterTypeChanged>> read,
            Duration refreshAfter) {
        return new VillageLetterTypes(read, null, refreshAfter);
    }

    /** A set that never changes, e.g. for rules checked outside a running service. */
    public static VillageLetterTypes fixed(Collection<LetterTypeChanged> versions) {
        Map<String, LetterTypeChanged> byKey = versions.stream()
                .collect(Collectors.toMap(LetterTypeChanged::key, v -> v, (a, b) -> a.version() >= b.version() ? a : b));
        return new VillageLetterTypes((village, type) -> Optional.ofNullable(byKey.get(LetterTypeChanged.key(village,
                type))), null, Duration.ZERO);
    }

    /**
     * Keeps the village's version if it is newer than the one held. The version and the event id are one document
     * write; an insert race or a version conflict throws and the listener's retry sees the stored state.
     */
    public void changed(String eventId, LetterTypeChanged change) {
        if (keep == null) {
            throw new UnsupportedOperationException("These village letter types are not stored here");
        }
        LetterTypeChanged held = keep.apply(eventId, change);
        if (held == null) {
            return; // this event was handled already
        }
        cache.remove(change.key());
        log.info("Village {} uses version {} of {} (received version {})", change.villageCode(), held.version(),
                change.letterType(), change.version());
    }

    /** The village's latest version of the type; empty while the village uses the shipped one. */
    public Optional<LetterTypeChanged> latest(String villageCode, String letterType) {
        if (villageCode == null || letterType == null) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        // read inside compute: a change stored meanwhile removes the entry after this read, never before it
        return cache.compute(LetterTypeChanged.key(villageCode, letterType), (key, cached) -> cached != null
                && now - cached.readAt() < refreshAfterNanos ? cached
                : new Cached(read.apply(villageCode, letterType), now)).latest();
    }

    /** Reads every village's version again at its next lookup (after the store was changed behind its back). */
    public void forget() {
        cache.clear();
    }

    /** Reads this village's version of the type again at its next lookup (a change was committed). */
    public void forget(String villageCode, String letterType) {
        cache.remove(LetterTypeChanged.key(villageCode, letterType));
    }
}
