package id.desaflow.verification.verification;

import id.desaflow.contracts.events.EventType;
import id.desaflow.contracts.events.RequestSubmitted;
import id.desaflow.contracts.events.RequestVerified;
import id.desaflow.platform.messaging.IncomingEvent;
import id.desaflow.platform.outbox.OutboxMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Nothing twice: a redelivered event, a repeated submission or an old revision verifies nothing again. */
class RedeliveryTest extends ServiceTestSupport {

    @Autowired
    VerificationRecords records;

    @Test
    void theSameSubmittedEventTwiceGivesExactlyOneVerification() {
        String id = newRequestId();
        OutboxMessage once = publish(id, submitted(id, SRI_NIK, "Sri Wahyuni"));
        publisher.publish(once);

        awaitAllHandled();
        assertThat(verificationEventsOf(id)).isEqualTo(1);
        VerificationRecord record = records.findById(id).orElseThrow();
        assertThat(record.hasHandled(once.eventId())).isTrue();
        assertThat(record.pendingEvents()).isEmpty();
    }

    @Test
    void aSecondSubmissionOfTheSameRequestWithAnotherEventIdIsNotVerifiedAgain() {
        String id = newRequestId();
        RequestSubmitted request = submitted(id, SRI_NIK, "Sri Wahyuni");
        publish(id, request);
        OutboxMessage again = publish(id, request);

        awaitAllHandled();
        assertThat(verificationEventsOf(id)).isEqualTo(1);
        assertThat(records.findById(id).orElseThrow().hasHandled(again.eventId())).isFalse();
    }

    @Test
    void aRevisionIsVerifiedOnceAndAnOlderRevisionArrivingLateIsIgnored() {
        String id = newRequestId();
        RequestSubmitted request = submitted(id, SRI_NIK, "Sri Wahyuni");
        publish(id, request);
        OutboxMessage second = publish(id, revised(request, 2, "Sri Wahyuni", Map.of("namaUsaha", "Toko Kelontong")));
        publisher.publish(second);
        publish(id, revised(request, 1, "Sri Wahyuni", Map.of("namaUsaha", "Warung")));

        awaitAllHandled();
        assertThat(verificationEventsOf(id)).isEqualTo(2);
        assertThat(verificationEvents.events(EventType.REQUEST_VERIFIED, id).stream()
                .filter(distinctIds()).map(e -> e.payload(RequestVerified.class).revision())).containsExactly(0, 2);
        assertThat(records.findById(id).orElseThrow().revision()).isEqualTo(2);
    }

    /**
     * Intake has one partition here, so once a request published afterwards is verified, every earlier event has
     * been handled, and any event it caused was saved (and, oldest document first, relayed) before.
     */
    private void awaitAllHandled() {
        String marker = newRequestId();
        publish(marker, submitted(marker, SRI_NIK, "Sri Wahyuni"));
        awaitVerificationOf(marker);
    }

    /**
     * Distinct events (by CloudEvents id): the outbox relay delivers at least once, so a relay pass racing with the
     * next save may publish the same event again; consumers drop it by its id. What must never happen is a second
     * verification, i.e. a second event id.
     */
    private long verificationEventsOf(String requestId) {
        return java.util.stream.Stream.concat(verificationEvents.events(EventType.REQUEST_VERIFIED, requestId).stream(),
                        verificationEvents.events(EventType.VERIFICATION_FAILED, requestId).stream())
                .map(IncomingEvent::id).distinct().count();
    }

    private static java.util.function.Predicate<IncomingEvent> distinctIds() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return e -> seen.add(e.id());
    }
}
