package id.desaflow.verification.verification;

import id.desaflow.contracts.events.EventType;
import id.desaflow.contracts.events.RequestCancelled;
import id.desaflow.contracts.events.RequestRevised;
import id.desaflow.contracts.events.RequestSubmitted;
import id.desaflow.contracts.events.Topics;
import id.desaflow.platform.messaging.IncomingEvent;
import id.desaflow.verification.rules.Submission;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads the intake topic: submitted and revised requests are verified, a cancelled one is closed; every other type
 * (types added later) is none of verification's business. A malformed event throws and goes to the dead-letter topic.
 */
@Component
class IntakeEventListener {
    private static final Logger log = LoggerFactory.getLogger(IntakeEventListener.class);

    private final Verifications verifications;

    IntakeEventListener(Verifications verifications) {
        this.verifications = verifications;
    }

    @KafkaListener(id = "verification-intake", topics = Topics.INTAKE)
    void on(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        EventType type = event.knownType().orElse(null);
        if (type == EventType.REQUEST_SUBMITTED) {
            verifications.verify(event.id(), Submission.of(event.payload(RequestSubmitted.class)));
        } else if (type == EventType.REQUEST_REVISED) {
            verifications.verify(event.id(), Submission.of(event.payload(RequestRevised.class)));
        } else if (type == EventType.REQUEST_CANCELLED) {
            verifications.close(event.id(), event.payload(RequestCancelled.class).requestId(), "cancelled");
        } else {
            log.debug("Ignored {} {}", event.type(), event.id());
        }
    }
}
