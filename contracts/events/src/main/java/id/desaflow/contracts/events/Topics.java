package id.desaflow.contracts.events;

/** One topic per producing service (DESIGN.md); consumers pick events by CloudEvents {@code type}. */
public final class Topics {
    public static final String INTAKE = "desaflow.intake";
    public static final String VERIFICATION = "desaflow.verification";
    public static final String APPROVAL = "desaflow.approval";
    public static final String NOTIFICATION = "desaflow.notification";
    public static final String IDENTITY = "desaflow.identity";

    /** Dead letters of one consuming service for one topic: {@code desaflow.intake.verification.dlt}. */
    public static String deadLetter(String topic, String consumerGroup) {
        return topic + "." + consumerGroup + ".dlt";
    }

    private Topics() {
    }
}
