package id.desaflow.contracts.events;

/**
 * One topic per producing service (DESIGN.md); consumers pick events by CloudEvents {@code type}. A service's
 * reference data (what the latest version of something is, keyed by that something) has a compacted topic of its
 * own: Kafka keeps the latest record per key for good, so a consumer whose database is rebuilt after the event
 * topics' retention still learns every village's letter types and every official.
 */
public final class Topics {
    public static final String INTAKE = "desaflow.intake";
    public static final String VERIFICATION = "desaflow.verification";
    public static final String APPROVAL = "desaflow.approval";
    public static final String NOTIFICATION = "desaflow.notification";
    public static final String IDENTITY = "desaflow.identity";
    /** Compacted: villages' versions of letter types, key {@code villageCode:letterType}. */
    public static final String INTAKE_LETTER_TYPES = "desaflow.intake.letter-types";
    /** Compacted: official accounts as they are now, key = account id. */
    public static final String IDENTITY_OFFICIALS = "desaflow.identity.officials";

    /** Dead letters of one consuming service for one topic: {@code desaflow.intake.verification.dlt}. */
    public static String deadLetter(String topic, String consumerGroup) {
        return topic + "." + consumerGroup + ".dlt";
    }

    private Topics() {
    }
}
