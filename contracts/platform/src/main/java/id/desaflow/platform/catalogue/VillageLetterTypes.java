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
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Each village's latest version of a letter type (intake's {@link LetterTypeChanged}) as a consuming service keeps it:
 * stored in the service's MongoDB (collection {@code villageLetterTypes}) and read through a cache, since rules and
 * messages ask on every request. The instance that stores a change forgets its entry at once; other instances (the
 * event reaches only one of them) read it again after {@code refreshAfter}. Empty = the village uses the shipped one.
 */
public final class VillageLetterTypes {
    private static final Logger log = LoggerFactory.getLogger(VillageLetterTypes.class);

    private final MongoOperations mongo; // null for a fixed set
    private final Function<String, Optional<LetterTypeChanged>> read;
    private final long refreshAfterNanos;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Optional<LetterTypeChanged> latest, long readAt) {
    }

    private VillageLetterTypes(MongoOperations mongo, Function<String, Optional<LetterTypeChanged>> read,
            Duration refreshAfter) {
        this.mongo = mongo;
        this.read = read;
        this.refreshAfterNanos = refreshAfter.toNanos();
    }

    /** The versions villages sent, kept in {@code mongo}. */
    public static VillageLetterTypes stored(MongoOperations mongo, Duration refreshAfter) {
        return new VillageLetterTypes(mongo, key -> Optional.ofNullable(mongo.findById(key,
                VillageLetterTypeVersion.class)).map(VillageLetterTypeVersion::latest), refreshAfter);
    }

    /** A set that never changes, e.g. for rules checked outside a running service. */
    public static VillageLetterTypes fixed(Collection<LetterTypeChanged> versions) {
        Map<String, LetterTypeChanged> byKey = versions.stream()
                .collect(Collectors.toMap(LetterTypeChanged::key, v -> v, (a, b) -> a.version() >= b.version() ? a : b));
        return new VillageLetterTypes(null, key -> Optional.ofNullable(byKey.get(key)), Duration.ZERO);
    }

    /**
     * Keeps the village's version if it is newer than the one held. The version and the event id are one document
     * write; an insert race or a version conflict throws and the listener's retry sees the stored state.
     */
    public void changed(String eventId, LetterTypeChanged change) {
        if (mongo == null) {
            throw new UnsupportedOperationException("A fixed set of village letter types does not change");
        }
        VillageLetterTypeVersion stored = Optional.ofNullable(mongo.findById(change.key(),
                VillageLetterTypeVersion.class)).orElseGet(() -> VillageLetterTypeVersion.of(change.key()));
        if (stored.hasHandled(eventId)) {
            return;
        }
        stored.receive(eventId, change);
        mongo.save(stored);
        cache.remove(change.key());
        log.info("Village {} uses version {} of {} (received version {})", change.villageCode(),
                stored.latest().version(), change.letterType(), change.version());
    }

    /** The village's latest version of the type; empty while the village uses the shipped one. */
    public Optional<LetterTypeChanged> latest(String villageCode, String letterType) {
        if (villageCode == null || letterType == null) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        // read inside compute: a change stored meanwhile removes the entry after this read, never before it
        return cache.compute(villageCode + ":" + letterType, (key, cached) -> cached != null
                && now - cached.readAt() < refreshAfterNanos ? cached : new Cached(read.apply(key), now)).latest();
    }

    /** Reads every village's version again at its next lookup (after the collection was changed behind its back). */
    public void forget() {
        cache.clear();
    }
}
