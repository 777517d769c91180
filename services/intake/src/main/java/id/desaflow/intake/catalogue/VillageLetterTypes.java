package id.desaflow.intake.catalogue;

import id.desaflow.intake.access.CurrentActor;
import id.desaflow.intake.village.Village;
import id.desaflow.intake.village.Villages;
import id.desaflow.platform.web.InvalidInputException;
import id.desaflow.platform.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The letter types as each village offers them: the shipped catalogue (letter-types.json, villages.json's initial
 * list) unless one of the village's administrators changed a type since — switched it on or off, or redefined it
 * (issue 8) — as a {@link VillageLetterType} with its own version and history. Everything that shows or checks a
 * letter type for a village asks here. Requests already open are not affected by a change.
 */
@Service
public class VillageLetterTypes {
    private static final Logger log = LoggerFactory.getLogger(VillageLetterTypes.class);
    private static final int ATTEMPTS = 5;

    private final LetterTypes letterTypes;
    private final LetterTexts texts;
    private final MongoTemplate mongo;
    private final long largestDocument;

    VillageLetterTypes(LetterTypes letterTypes, LetterTexts texts, Villages villages, MongoTemplate mongo) {
        this.letterTypes = letterTypes;
        this.texts = texts;
        this.mongo = mongo;
        this.largestDocument = DefinitionRules.largestDocument(letterTypes.all());
        villages.all().forEach(v -> v.enabledLetterTypes().stream().filter(t -> letterTypes.find(t).isEmpty())
                .findFirst().ifPresent(t -> {
                    throw new IllegalStateException("Village " + v.code() + " enables unknown letter type " + t);
                }));
    }

    /** A letter type as one village offers it now; version 0 is the shipped definition. */
    public record Offer(LetterType letterType, boolean enabled, String changedBy, Instant changedAt, int version,
            LetterTexts.LetterText text) {
    }

    /**
     * The letter type as the village offers it (its version and whether it is switched on), read once; for an
     * unknown village (null) the shipped definition, not offered.
     */
    public Optional<Offer> offer(Village village, String letterType) {
        return letterTypes.find(letterType).map(shipped -> village == null
                ? new Offer(shipped, false, null, null, 0, texts.of(shipped.code())) : offer(village, shipped));
    }

    /** The largest document any shipped letter type allows: the cap of a village's own documents. */
    long largestDocument() {
        return largestDocument;
    }

    /**
     * The letter type as the village defines it now (its own version, else the shipped one), with its required
     * documents as the catalogue says; {@link LetterType#in(Village)} applies the village's cover-letter rule.
     * An unknown village code gets the shipped definition.
     */
    public Optional<LetterType> find(String villageCode, String letterType) {
        Optional<LetterType> shipped = letterTypes.find(letterType);
        if (shipped.isEmpty() || villageCode == null) {
            return shipped;
        }
        return Optional.of(stored(villageCode, letterType).map(t -> offer(t, shipped.get()).letterType())
                .orElse(shipped.get()));
    }

    public List<LetterType> offeredBy(Village village) {
        return offers(village).stream().filter(Offer::enabled).map(o -> o.letterType().in(village)).toList();
    }

    List<Offer> offers(Village village) {
        Map<String, VillageLetterType> changed = mongo.find(Query.query(Criteria.where("villageCode")
                .is(village.code())), VillageLetterType.class).stream()
                .collect(Collectors.toMap(VillageLetterType::letterType, Function.identity()));
        VillageSettings settings = settings(village.code());
        return letterTypes.all().stream().map(t -> changed.containsKey(t.code()) ? offer(changed.get(t.code()), t)
                : shippedOffer(village, settings, t)).toList();
    }

    Offer offer(Village village, LetterType shipped) {
        return stored(village.code(), shipped.code()).map(t -> offer(t, shipped))
                .orElseGet(() -> shippedOffer(village, settings(village.code()), shipped));
    }

    /** @return every version of the village's letter type, newest first (none while it is as shipped) */
    List<VillageLetterType.Change> versions(Village village, LetterType shipped) {
        List<VillageLetterType.Change> versions = new ArrayList<>(stored(village.code(), shipped.code())
                .map(VillageLetterType::history).orElse(List.of()));
        versions.sort(Comparator.comparingInt(VillageLetterType.Change::version).reversed());
        return versions;
    }

    /** @return every switch on or off, newest first: those made before letter types had versions, then since */
    List<VillageSettings.Change> history(Village village) {
        List<VillageSettings.Change> history = new ArrayList<>(settings(village.code()).history());
        List<VillageSettings.Change> since = mongo.find(Query.query(Criteria.where("villageCode")
                .is(village.code())), VillageLetterType.class).stream()
                .flatMap(t -> t.history().stream().filter(c -> c.offered() != null)
                        .map(c -> new VillageSettings.Change(c.changedAt(), c.changedBy(), t.letterType(),
                                c.offered())))
                .sorted(Comparator.comparing(VillageSettings.Change::at)).toList();
        history.addAll(since);
        // stable: changes within the same millisecond keep the order they were made in
        List<VillageSettings.Change> newestFirst = new ArrayList<>(history);
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    Offer set(Village village, LetterType type, boolean enabled, String actor) {
        Offer offer = change(village, type, null, t -> t.offer(enabled, actor, Instant.now()));
        log.info("Village {}: letter type {} {} by {}", village.code(), type.code(),
                enabled ? "enabled" : "disabled", CurrentActor.display(actor));
        return offer;
    }

    /**
     * A new version of the village's letter type: checked whole, stored with its history entry and its event in one
     * write; refused with 409 if another version was saved since the administrator's {@code basedOn}.
     */
    Offer redefine(Village village, LetterType shipped, DefinitionInput input, String actor) {
        Offer current = offer(village, shipped);
        if (input.basedOn() == null) {
            throw new InvalidInputException("basedOn",
                    "Versi asal wajib dikirim (versi yang dibuka sebelum diubah; 0 = bawaan)");
        }
        requireVersion(current, input.basedOn());
        DefinitionRules.Definition definition = DefinitionRules.check(shipped, current.letterType(), input,
                largestDocument);
        Offer saved = change(village, shipped, input.basedOn(),
                t -> t.redefine(definition.letterType(), definition.text(), actor, Instant.now()));
        log.info("Village {}: letter type {} redefined as version {} by {}", village.code(), shipped.code(),
                saved.version(), CurrentActor.display(actor));
        return saved;
    }

    /** Back to the shipped definition and text, as a new version; nothing to do while it is as shipped. */
    Offer reset(Village village, LetterType shipped, Integer basedOn, String actor) {
        Offer current = offer(village, shipped);
        if (current.version() == 0) {
            return current;
        }
        if (basedOn != null) {
            requireVersion(current, basedOn);
        }
        return change(village, shipped, basedOn, t -> t.reset(shipped, texts.of(shipped.code()), actor,
                Instant.now()));
    }

    private static void requireVersion(Offer current, int basedOn) {
        if (current.version() != basedOn) {
            throw changedMeanwhile(current.version());
        }
    }

    private static ProblemException changedMeanwhile(int version) {
        return ProblemException.conflict("letter-type-changed", "Jenis surat ini sudah diubah orang lain (kini "
                + "versi " + version + ") sejak Anda membukanya. Muat ulang halaman, lalu ulangi perubahan Anda",
                Map.of("currentVersion", version));
    }

    /**
     * Loads (or starts from the shipped definition) the village's letter type, applies {@code change} and saves
     * it. With {@code basedOn}, a concurrent save is a 409; without (the on/off switch), it is simply retried.
     */
    private Offer change(Village village, LetterType shipped, Integer basedOn,
            Consumer<VillageLetterType> change) {
        for (int attempt = 1; ; attempt++) {
            Optional<VillageLetterType> stored = stored(village.code(), shipped.code());
            VillageLetterType type = stored.orElseGet(() -> VillageLetterType.shipped(village.code(), shipped,
                    texts.of(shipped.code()), shippedOffer(village, settings(village.code()), shipped).enabled()));
            if (basedOn != null && type.number() != basedOn) {
                throw changedMeanwhile(type.number());
            }
            change.accept(type);
            try {
                if (stored.isEmpty()) {
                    mongo.insert(type);
                } else {
                    mongo.save(type);
                }
                return offer(type, shipped);
            } catch (OptimisticLockingFailureException | DuplicateKeyException e) {
                if (basedOn != null) {
                    throw changedMeanwhile(stored(village.code(), shipped.code()).map(VillageLetterType::number)
                            .orElse(0));
                }
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private Optional<VillageLetterType> stored(String villageCode, String letterType) {
        return Optional.ofNullable(mongo.findById(VillageLetterType.key(villageCode, letterType),
                VillageLetterType.class));
    }

    private VillageSettings settings(String villageCode) {
        VillageSettings settings = mongo.findById(villageCode, VillageSettings.class);
        return settings == null ? VillageSettings.of(villageCode) : settings;
    }

    /**
     * The village's version as it applies now: what administrators cannot change (code, tracking prefix, workflow,
     * online or counter only) always comes from the shipped catalogue, so a later release's change reaches it. A release may add shipped fields or documents after the village saved
     * its version: they are part of it, as shipped (the rules and the letter text may rely on them, and the village's
     * edit page must be able to save again without "removing" them).
     */
    static Offer offer(VillageLetterType type, LetterType shipped) {
        LetterType own = type.definition();
        List<LetterField> fields = new ArrayList<>(own.fields());
        shipped.fields().stream().filter(f -> own.field(f.name()).isEmpty()).forEach(fields::add);
        List<AttachmentSpec> attachments = new ArrayList<>(own.attachments());
        shipped.attachments().stream().filter(a -> own.attachment(a.kind()).isEmpty()).forEach(attachments::add);
        LetterType definition = new LetterType(shipped.code(), shipped.trackingPrefix(), own.label(), own.labelEn(),
                own.classificationCode(), shipped.workflow(), shipped.onlineAllowed(), own.requirements(), fields,
                attachments);
        return new Offer(definition, type.offered(), type.changedBy(), type.changedAt(), type.number(), type.text());
    }

    /** A type no administrator redefined: the village's initial list, or a switch stored before versions existed. */
    private Offer shippedOffer(Village village, VillageSettings settings, LetterType type) {
        VillageSettings.Switch change = settings.switchOf(type.code());
        LetterTexts.LetterText text = texts.of(type.code());
        return change == null ? new Offer(type, village.enabledLetterTypes().contains(type.code()), null, null, 0, text)
                : new Offer(type, change.enabled(), change.changedBy(), change.changedAt(), 0, text);
    }
}
