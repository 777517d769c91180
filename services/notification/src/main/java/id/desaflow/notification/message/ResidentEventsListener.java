package id.desaflow.notification.message;

import id.desaflow.contracts.events.CheckResult;
import id.desaflow.contracts.events.LetterIssued;
import id.desaflow.contracts.events.LetterRevoked;
import id.desaflow.contracts.events.RequestCancelled;
import id.desaflow.contracts.events.RequestRejected;
import id.desaflow.contracts.events.RequestReturnedForRevision;
import id.desaflow.contracts.events.RequestRevised;
import id.desaflow.contracts.events.RequestSubmitted;
import id.desaflow.contracts.events.RequestVerified;
import id.desaflow.contracts.events.RevisionRequested;
import id.desaflow.contracts.events.Topics;
import id.desaflow.contracts.events.VerificationFailed;
import id.desaflow.contracts.events.VerificationPostponed;
import id.desaflow.notification.recipient.Contacts;
import id.desaflow.notification.recipient.RecipientBook;
import id.desaflow.notification.recipient.RecipientNotYetKnownException;
import id.desaflow.platform.messaging.IncomingEvent;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Listens to the lifecycle topics for what residents hear about. One listener (and so one consumer) per topic: a
 * message waiting for contacts that travel on the intake topic is retried without holding the intake topic back.
 */
@Component
class ResidentEventsListener {
    private static final Logger log = LoggerFactory.getLogger(ResidentEventsListener.class);

    private final RecipientBook recipients;
    private final ResidentNotifier notifier;
    private final MeterRegistry meters;
    private final boolean tellPostponed;

    ResidentEventsListener(RecipientBook recipients, ResidentNotifier notifier, MeterRegistry meters,
            @Value("${desaflow.notification.tell-postponed:true}") boolean tellPostponed) {
        this.recipients = recipients;
        this.notifier = notifier;
        this.meters = meters;
        this.tellPostponed = tellPostponed;
    }

    @KafkaListener(topics = Topics.INTAKE)
    void onIntake(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (event.knownType().isEmpty()) {
            ignore(event);
            return;
        }
        switch (event.knownType().get()) {
            case REQUEST_SUBMITTED -> {
                RequestSubmitted submitted = event.payload(RequestSubmitted.class);
                recipients.remember(Contacts.of(submitted));
                notify(event, ResidentUpdate.SUBMITTED, submitted.requestId(), Map.of());
            }
            case REQUEST_REVISED -> recipients.remember(Contacts.of(event.payload(RequestRevised.class)));
            case REQUEST_CANCELLED -> {
                RequestCancelled cancelled = event.payload(RequestCancelled.class);
                notify(event, ResidentUpdate.CANCELLED, cancelled.requestId(), reason(cancelled.reason()));
            }
            default -> ignore(event);
        }
    }

    @KafkaListener(topics = Topics.VERIFICATION)
    void onVerification(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (event.knownType().isEmpty()) {
            ignore(event);
            return;
        }
        switch (event.knownType().get()) {
            case REQUEST_VERIFIED -> {
                RequestVerified verified = event.payload(RequestVerified.class);
                // carries the applicant too, so a verification that overtakes the submission needs no wait
                recipients.remember(Contacts.of(verified));
                notify(event, ResidentUpdate.VERIFIED, verified.requestId(), Map.of());
            }
            case VERIFICATION_FAILED -> {
                VerificationFailed failed = event.payload(VerificationFailed.class);
                notify(event, ResidentUpdate.VERIFICATION_FAILED, failed.requestId(), reason(failedChecks(
                        failed.reasons())));
            }
            case RETURNED_FOR_REVISION -> {
                RequestReturnedForRevision returned = event.payload(RequestReturnedForRevision.class);
                notify(event, ResidentUpdate.RETURNED_FOR_REVISION, returned.requestId(),
                        reason(toFix(returned.problems())));
            }
            case VERIFICATION_POSTPONED -> {
                VerificationPostponed postponed = event.payload(VerificationPostponed.class);
                if (tellPostponed) {
                    // once per request however often verification is postponed: the id is the request's
                    notify(event, "postponed:" + postponed.requestId(), ResidentUpdate.VERIFICATION_POSTPONED,
                            postponed.requestId(), reason(postponed.reason()));
                }
            }
            default -> ignore(event);
        }
    }

    @KafkaListener(topics = Topics.APPROVAL)
    void onApproval(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (event.knownType().isEmpty()) {
            ignore(event);
            return;
        }
        switch (event.knownType().get()) {
            case REVISION_REQUESTED -> {
                RevisionRequested revision = event.payload(RevisionRequested.class);
                notify(event, ResidentUpdate.REVISION_REQUESTED, revision.requestId(), reason(revision.comment()));
            }
            case REQUEST_REJECTED -> {
                RequestRejected rejected = event.payload(RequestRejected.class);
                notify(event, ResidentUpdate.REJECTED, rejected.requestId(), reason(rejected.reason()));
            }
            case LETTER_ISSUED -> {
                LetterIssued issued = event.payload(LetterIssued.class);
                notify(event, ResidentUpdate.LETTER_ISSUED, issued.requestId(),
                        Map.of("letterNumber", issued.letterNumber()));
            }
            case LETTER_REVOKED -> {
                LetterRevoked revoked = event.payload(LetterRevoked.class);
                Map<String, String> details = new HashMap<>(reason(revoked.reason()));
                details.put("letterNumber", revoked.letterNumber());
                notify(event, ResidentUpdate.LETTER_REVOKED, revoked.requestId(), details);
            }
            default -> ignore(event); // officials' task events: the officials listener (its own consumer group)
        }
    }

    private void notify(IncomingEvent event, ResidentUpdate update, String requestId, Map<String, String> details) {
        notify(event, event.id(), update, requestId, details);
    }

    private void notify(IncomingEvent event, String causedBy, ResidentUpdate update, String requestId,
            Map<String, String> details) {
        try {
            notifier.notify(causedBy, update, requestId, details);
        } catch (RecipientNotYetKnownException e) {
            meters.counter("desaflow.notification.recipient.unknown", "about", update.name()).increment();
            log.info("Event {} ({}) for request {} waits for the applicant's contacts; will retry", event.id(),
                    event.type(), requestId);
            throw e;
        }
    }

    private static Map<String, String> reason(String reason) {
        return reason == null || reason.isBlank() ? Map.of() : Map.of("reason", reason.strip());
    }

    /** One line per failed rule, in the resident's words as verification wrote them. */
    private static String failedChecks(List<CheckResult> checks) {
        return checks.stream().filter(c -> !c.passed()).map(c -> "- " + c.message())
                .collect(Collectors.joining("\n"));
    }

    /** What to fix: the problems verification found (all of them if none is marked failed). */
    private static String toFix(List<CheckResult> problems) {
        String failed = failedChecks(problems);
        return failed.isEmpty() ? problems.stream().map(c -> "- " + c.message()).collect(Collectors.joining("\n"))
                : failed;
    }

    private static void ignore(IncomingEvent event) {
        log.debug("Ignoring {} {}: not a resident-facing event", event.type(), event.id());
    }
}
