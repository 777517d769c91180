package id.desaflow.verification.verification;

import id.desaflow.contracts.events.EventType;
import id.desaflow.contracts.events.LetterIssued;
import id.desaflow.contracts.events.RequestCancelled;
import id.desaflow.contracts.events.RequestSubmitted;
import id.desaflow.contracts.events.RequestVerified;
import id.desaflow.platform.messaging.IncomingEvent;
import id.desaflow.platform.outbox.OutboxMessage;
import id.desaflow.verification.ServiceTestSupport;
import id.desaflow.verification.registry.Resident;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static id.desaflow.verification.TestResidents.resident;
import static org.assertj.core.api.Assertions.assertThat;

/** Nothing twice: a redelivered event, a repeated submission or an old revision verifies nothing again. */
class RedeliveryTest extends ServiceTestSupport {

    @Autowired
    VerificationRecords records;

    @Test
    void theSameSubmittedEventTwiceGivesExactlyOneVerification() {
        String id = newRequestId();
        OutboxMessage once = publish(id, submitted(id, registered(resident("Sekali Saja"))));
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
        RequestSubmitted request = submitted(id, registered(resident("Dua Kali")));
        publish(id, request);
        OutboxMessage again = publish(id, request);

        awaitAllHandled();
        assertThat(verificationEventsOf(id)).isEqualTo(1);
        assertThat(records.findById(id).orElseThrow().hasHandled(again.eventId())).isFalse();
    }

    @Test
    void aRevisionIsVerifiedOnceAndAnOlderRevisionArrivingLateIsIgnored() {
        Resident rina = registered(resident("Rina Kusumawati").female());
        String id = newRequestId();
        RequestSubmitted request = submitted(id, rina);
        publish(id, request);
        OutboxMessage second = publish(id, revised(request, 2, rina.name(), Map.of("namaUsaha", "Toko Kelontong")));
        publisher.publish(second);
        publish(id, revised(request, 1, rina.name(), Map.of("namaUsaha", "Warung")));

        awaitAllHandled();
        assertThat(verificationEventsOf(id)).isEqualTo(2);
        assertThat(verificationEvents.events(EventType.REQUEST_VERIFIED, id).stream()
                .filter(distinctIds()).map(e -> e.payload(RequestVerified.class).revision())).containsExactly(0, 2);
        assertThat(records.findById(id).orElseThrow().revision()).isEqualTo(2);
    }

    @Test
    void aRedeliveredClosingEventChangesNothingMoreAndALaterEndIsOnlyRecorded() {
        String id = newRequestId();
        publish(id, submitted(id, registered(resident("Joko Widodo"))));
        awaitVerificationOf(id);
        OutboxMessage issued = publish(id, new LetterIssued(id, "500/001/3309012004/XI/2026",
                "surat-keterangan-usaha", BEJI, "Kepala Desa", "Kepala Desa Beji", Instant.now()));
        Awaitility.await().until(() -> "letter-issued".equals(records.findById(id).orElseThrow().closedBy()));

        publisher.publish(issued);
        OutboxMessage cancelled = publish(id, new RequestCancelled(id, "terlambat", Instant.now()));
        awaitAllHandled();
        // approval has one partition too: once a later closing event is handled, the redelivery was
        String marker = newRequestId();
        publish(marker, new LetterIssued(marker, "500/002/3309012004/XI/2026", "surat-keterangan-usaha", BEJI,
                "Kepala Desa", "Kepala Desa Beji", Instant.now()));
        Awaitility.await().until(() -> records.findById(marker).isPresent());

        VerificationRecord record = records.findById(id).orElseThrow();
        assertThat(record.open()).isFalse();
        assertThat(record.closedBy()).isEqualTo("letter-issued");
        assertThat(record.hasHandled(cancelled.eventId())).isTrue();
        assertThat(record.pendingEvents()).isEmpty();
        assertThat(verificationEventsOf(id)).isEqualTo(1);
    }

    /**
     * Intake has one partition here, so once a request published afterwards is verified, every earlier intake event
     * has been handled, and any event it caused was saved (and, oldest document first, relayed) before.
     */
    private void awaitAllHandled() {
        String marker = newRequestId();
        publish(marker, submitted(marker, registered(resident("Penanda Urutan"))));
        awaitVerificationOf(marker);
    }

    /**
     * Distinct events (by CloudEvents id): the outbox relay delivers at least once, so a relay pass racing with the
     * next save may publish the same event again; consumers drop it by its id. What must never happen is a second
     * verification, i.e. a second event id.
     */
    private long verificationEventsOf(String requestId) {
        return Stream.of(EventType.REQUEST_VERIFIED, EventType.VERIFICATION_FAILED, EventType.RETURNED_FOR_REVISION)
                .flatMap(type -> verificationEvents.events(type, requestId).stream())
                .map(IncomingEvent::id).distinct().count();
    }

    private static Predicate<IncomingEvent> distinctIds() {
        Set<String> seen = new HashSet<>();
        return e -> seen.add(e.id());
    }
}
