package id.desaflow.intake.request;

import id.desaflow.contracts.events.ApprovalTaskCompleted;
import id.desaflow.contracts.events.ApprovalTaskEscalated;
import id.desaflow.contracts.events.LetterRevoked;
import id.desaflow.contracts.events.RequestReturnedForRevision;
import id.desaflow.contracts.events.VerificationPostponed;
import id.desaflow.contracts.events.CheckResult;
import id.desaflow.contracts.events.EventType;
import id.desaflow.contracts.events.LetterIssued;
import id.desaflow.contracts.events.NotificationDelivered;
import id.desaflow.contracts.events.NotificationFailed;
import id.desaflow.contracts.events.RequestRejected;
import id.desaflow.contracts.events.RevisionRequested;
import id.desaflow.contracts.events.Topics;
import id.desaflow.contracts.events.VerificationFailed;
import id.desaflow.intake.ServiceTestSupport;
import id.desaflow.platform.outbox.OutboxMessage;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Redelivered events have no second effect; unknown types and unknown requests are skipped, not dead-lettered. */
class LifecycleEventsTest extends ServiceTestSupport {

    @Autowired
    LetterRequests requests;

    static Stream<Arguments> consumedEvents() {
        Instant now = Instant.now();
        return Stream.of(
                arguments("VERIFIED", RequestStatus.MENUNGGU_PERSETUJUAN,
                        event((id, code) -> RequestLifecycleTest.verified(id, code, 0))),
                arguments("VERIFICATION_FAILED", RequestStatus.DITOLAK, event((id, code) -> new VerificationFailed(id,
                        code, 0, List.of(new CheckResult("nik-terdaftar", false, "NIK tidak terdaftar")), now))),
                arguments("TASK_CREATED", RequestStatus.MENUNGGU_PERSETUJUAN,
                        event((id, code) -> RequestLifecycleTest.taskCreated(id, "sekdes", "Paraf Sekdes"))),
                arguments("TASK_COMPLETED", RequestStatus.DIAJUKAN, event((id, code) -> new ApprovalTaskCompleted(
                        id, "t-1", "Persetujuan Kasi Pelayanan", "kasi-pelayanan", "APPROVE", null, "Budi", now))),
                arguments("REVISION_REQUESTED", RequestStatus.PERLU_PERBAIKAN, event((id, code) ->
                        new RevisionRequested(id, "Persetujuan Kasi Pelayanan", "Lengkapi alamat", now))),
                arguments("REJECTED", RequestStatus.DITOLAK, event((id, code) ->
                        new RequestRejected(id, "Tanda tangan Kepala Desa", "Usaha tidak berada di desa", now))),
                arguments("LETTER_ISSUED", RequestStatus.SELESAI, event((id, code) -> new LetterIssued(id,
                        "500/010/3309012004/XI/2026", SKU, BEJI, "Suyatno", "Kepala Desa", now))),
                arguments("NOTIFICATION_DELIVERED", RequestStatus.DIAJUKAN, event((id, code) ->
                        new NotificationDelivered(id, UUID.randomUUID().toString(), "EMAIL", "s**@e******.id",
                                "submitted", now))),
                arguments("NOTIFICATION_FAILED", RequestStatus.DIAJUKAN, event((id, code) ->
                        new NotificationFailed(id, UUID.randomUUID().toString(), "EMAIL", "s**@e******.id",
                                "submitted", "SMTP menolak", now))),
                arguments("RETURNED_FOR_REVISION", RequestStatus.PERLU_PERBAIKAN, event((id, code) ->
                        new RequestReturnedForRevision(id, code, SKU, BEJI, 0, List.of(new CheckResult(
                                "pengantar-rt", false, "Surat pengantar RT tidak terbaca")), now))),
                arguments("VERIFICATION_POSTPONED", RequestStatus.SEDANG_DIVERIFIKASI, event((id, code) ->
                        new VerificationPostponed(id, code, 0, "Layanan Dukcapil tidak menjawab", now))),
                arguments("TASK_ESCALATED", RequestStatus.DIAJUKAN, event((id, code) -> new ApprovalTaskEscalated(id,
                        "t-1", "Persetujuan Kasi Pelayanan", "kasi-pelayanan", "desa:" + BEJI + ":kasi-pelayanan", BEJI,
                        SKU, code, "desa:" + BEJI + ":sekdes", false, now, now))),
                arguments("LETTER_REVOKED", RequestStatus.DIAJUKAN, event((id, code) -> new LetterRevoked(id,
                        "500/010/3309012004/XI/2026", "Data usaha tidak benar", "admin-beji", now))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("consumedEvents")
    void redeliveredEventHasNoSecondEffect(String timelineCode, RequestStatus effect,
            BiFunction<String, String, Record> event) {
        Response submitted = submit(validSubmission("Sri Ulang"));
        String id = submitted.get("requestId").asText();
        String code = submitted.get("trackingCode").asText();
        OutboxMessage once = OutboxMessage.of(id, event.apply(id, code));

        publisher.publish(once);
        publisher.publish(once);
        // a distinct event of the same type behind the duplicate: once it is handled, so is the duplicate
        OutboxMessage sentinel = OutboxMessage.of(id, event.apply(id, code));
        publisher.publish(sentinel);
        awaitHandled(id, sentinel.eventId());

        LetterRequest request = requests.findById(id).orElseThrow();
        assertThat(request.hasHandled(once.eventId())).isTrue();
        assertThat(request.timeline().stream().filter(e -> e.code().equals(timelineCode))).hasSize(2);
        assertThat(request.status()).isEqualTo(effect);
    }

    @Test
    void unknownTypesAndUnknownRequestsAreSkippedWithoutDeadLetters() {
        Response submitted = submit(validSubmission("Sri Asing"));
        String id = submitted.get("requestId").asText();
        recorder.awaitType(EventType.REQUEST_SUBMITTED, id);

        publisher.publish(new OutboxMessage(UUID.randomUUID().toString(), FOREIGN_TYPE,
                Topics.APPROVAL, id, "{\"anything\":true}", Instant.now(), null));
        publisher.publish(OutboxMessage.of(UUID.randomUUID().toString(), new RevisionRequested(
                UUID.randomUUID().toString(), "Persetujuan Kasi Pelayanan", "Tidak ada", Instant.now())));
        OutboxMessage sentinel = OutboxMessage.of(id, RequestLifecycleTest.taskCreated(id, "kasi-pelayanan",
                "Persetujuan Kasi Pelayanan"));
        publisher.publish(sentinel);
        awaitHandled(id, sentinel.eventId());

        LetterRequest request = requests.findById(id).orElseThrow();
        assertThat(request.timeline()).extracting(TimelineEntry::code).containsExactly("SUBMITTED", "TASK_CREATED");
        // a failing record would have been retried, then dead-lettered before the sentinel behind it was handled
        TopicPartition deadLetters = new TopicPartition(Topics.deadLetter(Topics.APPROVAL, "intake"), 0);
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                brokers), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            assertThat(consumer.endOffsets(List.of(deadLetters))).containsEntry(deadLetters, 0L);
        }
    }

    private void awaitHandled(String id, String eventId) {
        await().atMost(Duration.ofSeconds(15))
                .until(() -> requests.findById(id).map(r -> r.hasHandled(eventId)).orElse(false));
    }

    private static BiFunction<String, String, Record> event(BiFunction<String, String, Record> factory) {
        return factory;
    }
}
