package id.desaflow.contracts.events;

import java.time.Instant;
import java.util.List;

/**
 * A village administrator changed how one letter type is offered in their village (a new {@code version} of it):
 * its name, classification code, the labels of its data fields, the documents it asks for, and the wording of the
 * letter. Intake owns the full definition (input rules, help texts); the event carries only what verification,
 * approval and notification need. Key = {@code <villageCode>:<letterType>}; a consumer keeps the highest version.
 */
public record LetterTypeChanged(String villageCode, String letterType, int version, String label, String labelEn,
        String classificationCode, boolean offered, List<Field> fields, List<Document> documents, String title,
        String statement, String changedBy, Instant changedAt) {

    public LetterTypeChanged {
        fields = fields == null ? List.of() : List.copyOf(fields);
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    /** The key every event about this village's letter type travels under (one partition, so in order). */
    public String key() {
        return key(villageCode, letterType);
    }

    /** The key of every event about one village's letter type, and of the copies consumers keep. */
    public static String key(String villageCode, String letterType) {
        return villageCode + ":" + letterType;
    }

    /** A data field as the letter lists it under the applicant's data, in the order of the form. */
    public record Field(String name, String label, String labelEn) {
    }

    /** A document (attachment kind) the request asks for; {@code required} false means optional. */
    public record Document(String kind, String label, boolean required) {
    }
}
