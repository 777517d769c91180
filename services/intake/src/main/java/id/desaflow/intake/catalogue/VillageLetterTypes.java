package id.desaflow.intake.catalogue;

import id.desaflow.intake.access.CurrentActor;
import id.desaflow.intake.village.Village;
import id.desaflow.intake.village.Villages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Which letter types a village offers: the village's initial list (villages.json) unless one of its administrators
 * switched a type on or off since (stored in MongoDB, audited). Requests already open are not affected by a switch.
 */
@Service
public class VillageLetterTypes {
    private static final Logger log = LoggerFactory.getLogger(VillageLetterTypes.class);
    private static final int ATTEMPTS = 5;

    private final LetterTypes letterTypes;
    private final MongoTemplate mongo;

    VillageLetterTypes(LetterTypes letterTypes, Villages villages, MongoTemplate mongo) {
        this.letterTypes = letterTypes;
        this.mongo = mongo;
        villages.all().forEach(v -> v.enabledLetterTypes().stream().filter(t -> letterTypes.find(t).isEmpty())
                .findFirst().ifPresent(t -> {
                    throw new IllegalStateException("Village " + v.code() + " enables unknown letter type " + t);
                }));
    }

    /** A letter type as one village offers it. */
    record Offer(LetterType letterType, boolean enabled, String changedBy, Instant changedAt) {
    }

    public boolean offers(Village village, String letterType) {
        return offer(village, settings(village.code()), letterTypes.find(letterType).orElseThrow()).enabled();
    }

    public List<LetterType> offeredBy(Village village) {
        return offers(village).stream().filter(Offer::enabled).map(o -> o.letterType().in(village)).toList();
    }

    List<Offer> offers(Village village) {
        VillageSettings settings = settings(village.code());
        return letterTypes.all().stream().map(t -> offer(village, settings, t)).toList();
    }

    /** @return every change, newest first */
    List<VillageSettings.Change> history(Village village) {
        List<VillageSettings.Change> history = new ArrayList<>(settings(village.code()).history());
        Collections.reverse(history);
        return history;
    }

    Offer set(Village village, LetterType type, boolean enabled, String actor) {
        for (int attempt = 1; ; attempt++) {
            VillageSettings settings = mongo.findById(village.code(), VillageSettings.class);
            boolean fresh = settings == null;
            settings = fresh ? VillageSettings.of(village.code()) : settings;
            VillageSettings.Switch change = settings.set(type.code(), enabled, actor, Instant.now());
            try {
                if (fresh) {
                    mongo.insert(settings);
                } else {
                    mongo.save(settings);
                }
                log.info("Village {}: letter type {} {} by {}", village.code(), type.code(),
                        enabled ? "enabled" : "disabled", CurrentActor.display(actor));
                return new Offer(type, enabled, change.changedBy(), change.changedAt());
            } catch (OptimisticLockingFailureException | DuplicateKeyException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private VillageSettings settings(String villageCode) {
        VillageSettings settings = mongo.findById(villageCode, VillageSettings.class);
        return settings == null ? VillageSettings.of(villageCode) : settings;
    }

    private static Offer offer(Village village, VillageSettings settings, LetterType type) {
        VillageSettings.Switch change = settings.switchOf(type.code());
        return change == null ? new Offer(type, village.enabledLetterTypes().contains(type.code()), null, null)
                : new Offer(type, change.enabled(), change.changedBy(), change.changedAt());
    }
}
