package id.desaflow.notification.official;

import id.desaflow.contracts.events.OfficialChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;

/** Who the officials are and which of them belong to a task's candidate group. */
@Service
class OfficialDirectory {
    private static final Logger log = LoggerFactory.getLogger(OfficialDirectory.class);

    private final Officials officials;

    OfficialDirectory(Officials officials) {
        this.officials = officials;
    }

    /** The latest announcement wins; replaying one, or an older one arriving late, changes nothing. */
    void apply(OfficialChanged changed) {
        Optional<Official> known = officials.findById(changed.userId());
        if (known.isPresent() && known.get().isNewerThan(changed.changedAt())) {
            log.debug("Ignoring an older announcement of official {}", changed.userId());
            return;
        }
        // identity now owns this person: the demo seed's stand-in under another id goes
        officials.findByUsernameAndSeededTrue(changed.username()).stream()
                .filter(o -> !o.userId().equals(changed.userId())).forEach(officials::delete);
        officials.save(Official.of(changed, false));
        log.info("Official {} ({}) of {} now {} with roles {}", changed.userId(), changed.username(),
                changed.villageCode(), changed.active() ? "active" : "inactive", changed.roles());
    }

    /** Active officials of the group; a kadus group only those of that dusun. */
    List<Official> membersOf(String candidateGroup) {
        return CandidateGroup.parse(candidateGroup).map(g -> officials.findByVillageCodeAndRolesAndActiveTrue(
                g.villageCode(), g.role()).stream().filter(o -> g.dusunSlug() == null || o.servesDusun(g.dusunSlug()))
                .toList()).orElseGet(() -> {
                    log.warn("Candidate group {} is not desa:<village>:<role>[:<dusun>]", candidateGroup);
                    return List.of();
                });
    }

    Optional<Official> find(String userId) {
        return officials.findById(userId);
    }

    /** A demo official, unless identity (or an earlier seed) already announced the person. */
    boolean seedIfAbsent(OfficialChanged official) {
        if (officials.existsById(official.userId()) || officials.existsByUsername(official.username())) {
            return false;
        }
        officials.save(Official.of(official, true));
        return true;
    }
}
