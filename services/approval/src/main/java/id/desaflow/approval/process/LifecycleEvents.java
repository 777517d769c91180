package id.desaflow.approval.process;

import id.desaflow.approval.letter.VillageLetterTypes;
import id.desaflow.contracts.events.EventType;
import id.desaflow.contracts.events.LetterTypeChanged;
import id.desaflow.contracts.events.RequestCancelled;
import id.desaflow.contracts.events.RequestVerified;
import id.desaflow.contracts.events.Topics;
import id.desaflow.contracts.events.VerificationFailed;
import id.desaflow.platform.messaging.IncomingEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The events that move an approval: verification outcomes and the resident's cancellation; and villages' new versions
 * of letter types (intake's compacted topic, read from its beginning by a new database). Others are ignored.
 */
@Component
class LifecycleEvents {
    private final ApprovalProcesses processes;
    private final VillageLetterTypes letterTypes;

    LifecycleEvents(ApprovalProcesses processes, VillageLetterTypes letterTypes) {
        this.processes = processes;
        this.letterTypes = letterTypes;
    }

    @KafkaListener(topics = Topics.VERIFICATION)
    void onVerification(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        event.knownType().ifPresent(type -> {
            switch (type) {
                case REQUEST_VERIFIED -> processes.verified(event.id(), event.payload(RequestVerified.class));
                case VERIFICATION_FAILED -> processes.verificationFailed(event.id(),
                        event.payload(VerificationFailed.class));
                default -> { }
            }
        });
    }

    @KafkaListener(topics = Topics.INTAKE)
    void onIntake(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (event.is(EventType.REQUEST_CANCELLED)) {
            processes.cancelled(event.id(), event.payload(RequestCancelled.class));
        }
    }

    @KafkaListener(topics = Topics.INTAKE_LETTER_TYPES)
    void onLetterTypes(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (event.is(EventType.LETTER_TYPE_CHANGED)) {
            letterTypes.changed(event.id(), event.payload(LetterTypeChanged.class));
        }
    }
}
