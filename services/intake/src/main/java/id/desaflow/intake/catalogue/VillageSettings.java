package id.desaflow.intake.catalogue;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a village's administrators changed in the catalogue: letter types switched on or off, with who and when, and
 * the full history of changes (the audit trail). One document per village, so a change and its audit entry are one
 * atomic write; {@code @Version} refuses a lost update between two administrators.
 */
@Document("village_settings")
class VillageSettings {
    @Id
    private String villageCode;
    private Map<String, Switch> letterTypes = new LinkedHashMap<>();
    private List<Change> history = new ArrayList<>();
    @Version
    private Long version;

    record Switch(boolean enabled, String changedBy, Instant changedAt) {
    }

    record Change(Instant at, String actor, String letterType, boolean enabled) {
    }

    private VillageSettings() {
        // for the MongoDB mapping
    }

    static VillageSettings of(String villageCode) {
        VillageSettings settings = new VillageSettings();
        settings.villageCode = villageCode;
        return settings;
    }

    Switch set(String letterType, boolean enabled, String actor, Instant now) {
        Switch change = new Switch(enabled, actor, now);
        letterTypes.put(letterType, change);
        history.add(new Change(now, actor, letterType, enabled));
        return change;
    }

    Switch switchOf(String letterType) {
        return letterTypes.get(letterType);
    }

    List<Change> history() {
        return List.copyOf(history);
    }
}
