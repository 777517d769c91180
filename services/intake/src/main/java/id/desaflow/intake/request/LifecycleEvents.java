package id.desaflow.intake.request;

import id.desaflow.contracts.events.ApprovalTaskCompleted;
import id.desaflow.contracts.events.ApprovalTaskCreated;
import id.desaflow.contracts.events.ApprovalTaskEscalated;
import id.desaflow.contracts.events.LetterIssued;
import id.desaflow.contracts.events.LetterRevoked;
import id.desaflow.contracts.events.RequestReturnedForRevision;
import id.desaflow.contracts.events.VerificationPostponed;
import id.desaflow.contracts.events.NotificationDelivered;
import id.desaflow.contracts.events.NotificationFailed;
import id.desaflow.contracts.events.RequestRejected;
import id.desaflow.contracts.events.RequestVerified;
import id.desaflow.contracts.events.RevisionRequested;
import id.desaflow.contracts.events.Topics;
import id.desaflow.contracts.events.VerificationFailed;
import id.desaflow.platform.messaging.IncomingEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.function.Function;

/**
 * Moves the resident-visible status and timeline as the other services report (deadline reminders and types intake
 * does not know are skipped). An optimistic-lock conflict (a
 * resident command saved meanwhile) propagates, so the platform error handler redelivers and the event is applied
 * to the fresh state.
 */
@Component
class LifecycleEvents {
    private static final Logger log = LoggerFactory.getLogger(LifecycleEvents.class);

    private final LetterRequests requests;

    LifecycleEvents(LetterRequests requests) {
        this.requests = requests;
    }

    @FunctionalInterface
    private interface Handler<T> {
        boolean apply(LetterRequest request, String eventId, T payload);
    }

    @KafkaListener(topics = {Topics.VERIFICATION, Topics.APPROVAL, Topics.NOTIFICATION})
    void on(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (event.knownType().isEmpty()) {
            log.debug("Ignoring event {} of unknown type {}", event.id(), event.type());
            return;
        }
        switch (event.knownType().get()) {
            case REQUEST_VERIFIED -> apply(event, RequestVerified.class, RequestVerified::requestId, LetterRequest::on);
            case VERIFICATION_FAILED ->
                    apply(event, VerificationFailed.class, VerificationFailed::requestId, LetterRequest::on);
            case TASK_CREATED -> apply(event, ApprovalTaskCreated.class, ApprovalTaskCreated::requestId,
                    LetterRequest::on);
            case TASK_COMPLETED -> apply(event, ApprovalTaskCompleted.class, ApprovalTaskCompleted::requestId,
                    LetterRequest::on);
            case REVISION_REQUESTED ->
                    apply(event, RevisionRequested.class, RevisionRequested::requestId, LetterRequest::on);
            case REQUEST_REJECTED -> apply(event, RequestRejected.class, RequestRejected::requestId, LetterRequest::on);
            case LETTER_ISSUED -> apply(event, LetterIssued.class, LetterIssued::requestId, LetterRequest::on);
            case NOTIFICATION_DELIVERED -> apply(event, NotificationDelivered.class, NotificationDelivered::requestId,
                    LetterRequest::on);
            case NOTIFICATION_FAILED ->
                    apply(event, NotificationFailed.class, NotificationFailed::requestId, LetterRequest::on);
            case RETURNED_FOR_REVISION -> apply(event, RequestReturnedForRevision.class,
                    RequestReturnedForRevision::requestId, LetterRequest::on);
            case VERIFICATION_POSTPONED -> apply(event, VerificationPostponed.class,
                    VerificationPostponed::requestId, LetterRequest::on);
            case TASK_ESCALATED -> apply(event, ApprovalTaskEscalated.class, ApprovalTaskEscalated::requestId,
                    LetterRequest::on);
            case LETTER_REVOKED -> apply(event, LetterRevoked.class, LetterRevoked::requestId, LetterRequest::on);
            default -> log.debug("Ignoring event {} of type {}: not for intake", event.id(), event.type());
        }
    }

    private <T extends Record> void apply(IncomingEvent event, Class<T> type, Function<T, String> requestId,
            Handler<T> handler) {
        T payload = event.payload(type);
        Optional<LetterRequest> found = requests.findById(requestId.apply(payload));
        if (found.isEmpty()) {
            // not retried: a request intake never stored will not appear by waiting
            log.warn("Skipping event {} ({}): no request {}", event.id(), event.type(), requestId.apply(payload));
            return;
        }
        LetterRequest request = found.get();
        if (handler.apply(request, event.id(), payload)) {
            requests.save(request);
            log.info("Request {} now {} after {}", request.id(), request.status(), event.type());
        } else {
            log.info("Skipping event {} ({}): already handled for request {}", event.id(), event.type(),
                    request.id());
        }
    }
}
