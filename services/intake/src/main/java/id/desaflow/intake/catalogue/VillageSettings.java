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
 * Letter types a village's administrators switched on or off before letter types had versions per village, with who
 * and when (the audit trail). Read only: switches are now versions of {@link VillageLetterType}, which also tells
 * the other services; these older ones still count until the type's first version.
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

    Switch switchOf(String letterType) {
        return letterTypes.get(letterType);
    }

    List<Change> history() {
        return List.copyOf(history);
    }
}
