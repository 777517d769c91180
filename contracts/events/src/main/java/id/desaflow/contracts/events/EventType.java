package id.desaflow.contracts.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every event DesaFlow publishes: its CloudEvents {@code type}, the topic it travels on and its payload record.
 * The JSON Schema of each lives at {@code /schemas/<type>.json} on the classpath.
 */
public enum EventType {
    REQUEST_SUBMITTED("desaflow.request.submitted.v1", Topics.INTAKE, RequestSubmitted.class),
    REQUEST_REVISED("desaflow.request.revised.v1", Topics.INTAKE, RequestRevised.class),
    REQUEST_CANCELLED("desaflow.request.cancelled.v1", Topics.INTAKE, RequestCancelled.class),
    LETTER_TYPE_CHANGED("desaflow.catalogue.letter-type-changed.v1", Topics.INTAKE_LETTER_TYPES, LetterTypeChanged.class),
    REQUEST_VERIFIED("desaflow.request.verified.v1", Topics.VERIFICATION, RequestVerified.class),
    VERIFICATION_FAILED("desaflow.request.verification-failed.v1", Topics.VERIFICATION, VerificationFailed.class),
    RETURNED_FOR_REVISION("desaflow.request.returned-for-revision.v1", Topics.VERIFICATION,
            RequestReturnedForRevision.class),
    VERIFICATION_POSTPONED("desaflow.request.verification-postponed.v1", Topics.VERIFICATION,
            VerificationPostponed.class),
    TASK_CREATED("desaflow.request.task-created.v1", Topics.APPROVAL, ApprovalTaskCreated.class),
    TASK_COMPLETED("desaflow.request.task-completed.v1", Topics.APPROVAL, ApprovalTaskCompleted.class),
    REVISION_REQUESTED("desaflow.request.revision-requested.v1", Topics.APPROVAL, RevisionRequested.class),
    REQUEST_REJECTED("desaflow.request.rejected.v1", Topics.APPROVAL, RequestRejected.class),
    LETTER_ISSUED("desaflow.request.letter-issued.v1", Topics.APPROVAL, LetterIssued.class),
    TASK_DEADLINE_APPROACHED("desaflow.request.task-deadline-approached.v1", Topics.APPROVAL,
            ApprovalTaskDeadlineApproached.class),
    TASK_ESCALATED("desaflow.request.task-escalated.v1", Topics.APPROVAL, ApprovalTaskEscalated.class),
    LETTER_REVOKED("desaflow.request.letter-revoked.v1", Topics.APPROVAL, LetterRevoked.class),
    NOTIFICATION_DELIVERED("desaflow.notification.delivered.v1", Topics.NOTIFICATION, NotificationDelivered.class),
    NOTIFICATION_FAILED("desaflow.notification.failed.v1", Topics.NOTIFICATION, NotificationFailed.class),
    OFFICIAL_CHANGED("desaflow.identity.official-changed.v1", Topics.IDENTITY_OFFICIALS, OfficialChanged.class),
    ONE_TIME_CODE_REQUESTED("desaflow.identity.one-time-code-requested.v1", Topics.IDENTITY,
            OneTimeCodeRequested.class);

    private final String type;
    private final String topic;
    private final Class<? extends Record> payloadType;

    EventType(String type, String topic, Class<? extends Record> payloadType) {
        this.type = type;
        this.topic = topic;
        this.payloadType = payloadType;
    }

    public String type() {
        return type;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends Record> payloadType() {
        return payloadType;
    }

    public String schemaPath() {
        return "/schemas/" + type + ".json";
    }

    public static Optional<EventType> of(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }

    public static EventType forPayload(Class<?> payloadType) {
        return Arrays.stream(values()).filter(t -> t.payloadType.equals(payloadType)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No event type for " + payloadType.getName()));
    }
}
