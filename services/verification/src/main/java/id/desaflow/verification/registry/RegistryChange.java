package id.desaflow.verification.registry;

import java.time.Instant;
import java.util.List;

/**
 * One audited change of a registry entry: who, when, through what ({@code IMPORT} with the import id, or
 * {@code KOREKSI} by hand, with the reason) and each field before and after. Kept inside the entry's own document,
 * so the change and its audit record are one atomic write.
 */
public record RegistryChange(Instant at, String actor, String source, String importId, String reason,
        List<FieldChange> changes) {

    static final String IMPORT = "IMPORT";
    static final String CORRECTION = "KOREKSI";

    public RegistryChange {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
