package id.desaflow.verification.registry;

import id.desaflow.platform.identity.Masking;
import id.desaflow.platform.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** What the village administrator and the counter do with the registry: search, look up, correct. */
@Service
class RegistryAdmin {
    private static final Logger log = LoggerFactory.getLogger(RegistryAdmin.class);
    private static final Pattern FULL_NIK = Pattern.compile("[0-9]{16}");
    private static final Pattern NIK_PREFIX = Pattern.compile("[0-9]{4,15}");

    private final MongoTemplate mongo;
    private final PopulationRegistry registry;
    private final Families families;
    private final Clock clock;

    RegistryAdmin(MongoTemplate mongo, PopulationRegistry registry, Families families, Optional<Clock> clock) {
        this.mongo = mongo;
        this.registry = registry;
        this.families = families;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /**
     * By full NIK (the only answer that shows the NIK unmasked: the caller already knows it), by the start of a
     * NIK, or by part of the name ignoring case and accents; sorted by name.
     */
    List<ResidentSummary> search(String villageCode, String q, int page, int size) {
        String term = q == null ? "" : q.strip();
        Criteria criteria = where("villageCode").is(villageCode);
        if (FULL_NIK.matcher(term).matches()) {
            criteria.and("nik").is(term);
        } else if (NIK_PREFIX.matcher(term).matches()) {
            criteria.and("nik").regex("^" + term);
        } else if (!term.isEmpty()) {
            criteria.and("nameKey").regex(Pattern.quote(Resident.nameKey(term)));
        }
        Query query = Query.query(criteria).with(Sort.by("nameKey", "nik")).skip((long) page * size).limit(size);
        query.fields().exclude("history");
        boolean unmasked = FULL_NIK.matcher(term).matches();
        return mongo.find(query, Resident.class).stream().map(r -> ResidentSummary.of(r, unmasked)).toList();
    }

    Resident resident(String villageCode, String nik) {
        return registry.findByNik(nik).filter(r -> villageCode.equals(r.villageCode()))
                .orElseThrow(() -> ProblemException.notFound("Penduduk dengan NIK " + Masking.nik(nik)
                        + " di desa " + villageCode));
    }

    /** Applies a correction; the change and its audit record are one document write (optimistic: 409 on a race). */
    Resident correct(String villageCode, String nik, ResidentCorrection correction, String actor) {
        Map<ResidentField, Object> values = correction.values();
        Resident resident = resident(villageCode, nik);
        var changes = resident.correct(values, actor, correction.reason().strip(), clock.instant());
        if (changes.isEmpty()) {
            return resident;
        }
        try {
            Resident saved = registry.save(resident);
            log.info("Registry entry {} of village {} corrected by {}: {}", Masking.nik(nik), villageCode, actor,
                    changes.stream().map(FieldChange::field).toList());
            return saved;
        } catch (OptimisticLockingFailureException e) {
            throw ProblemException.conflict("registry-changed", "Data penduduk ini baru saja diubah oleh proses "
                    + "lain. Muat ulang lalu ulangi koreksi.", null);
        }
    }

    FamilyView family(String villageCode, String kkNumber) {
        List<Resident> members = registry.findByKkNumber(kkNumber, Sort.by("birthDate")).stream()
                .filter(r -> villageCode.equals(r.villageCode())).toList();
        Optional<Family> family = families.findById(kkNumber).filter(f -> villageCode.equals(f.villageCode()));
        if (members.isEmpty() && family.isEmpty()) {
            throw ProblemException.notFound("Kartu Keluarga " + Masking.nik(kkNumber) + " di desa " + villageCode);
        }
        return new FamilyView(kkNumber, villageCode, family.map(Family::dusun).orElse(null),
                family.map(Family::rt).orElse(null), family.map(Family::rw).orElse(null),
                family.map(Family::address).orElse(null), family.map(Family::headNik).orElse(null),
                family.map(Family::headName).orElse(null),
                members.stream().map(r -> ResidentSummary.of(r, true)).toList());
    }
}
