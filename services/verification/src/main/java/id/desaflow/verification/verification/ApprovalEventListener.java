package id.desaflow.verification.verification;

import id.desaflow.contracts.events.EventType;
import id.desaflow.contracts.events.LetterIssued;
import id.desaflow.contracts.events.RequestRejected;
import id.desaflow.contracts.events.Topics;
import id.desaflow.platform.messaging.IncomingEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads the approval topic for the ends of requests (rejected, letter issued), which close them in verification's
 * view of open requests; every other type is ignored. A malformed event goes to the dead-letter topic.
 */
@Component
class ApprovalEventListener {
    private static final Logger log = LoggerFactory.getLogger(ApprovalEventListener.class);

    private final Verifications verifications;

    ApprovalEventListener(Verifications verifications) {
        this.verifications = verifications;
    }

    @KafkaListener(id = "verification-approval", topics = Topics.APPROVAL)
    void on(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        EventType type = event.knownType().orElse(null);
        if (type == EventType.REQUEST_REJECTED) {
            verifications.close(event.id(), event.payload(RequestRejected.class).requestId(), "rejected");
        } else if (type == EventType.LETTER_ISSUED) {
            verifications.close(event.id(), event.payload(LetterIssued.class).requestId(), "letter-issued");
        } else {
            log.debug("Ignored {} {}", event.type(), event.id());
        }
    }
}
