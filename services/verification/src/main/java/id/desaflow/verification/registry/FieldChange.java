package id.desaflow.verification.registry;

/** One field of a registry entry before and after a change (null = empty). */
public record FieldChange(String field, String before, String after) {
}
