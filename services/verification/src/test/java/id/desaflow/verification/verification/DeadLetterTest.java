package id.desaflow.verification.verification;

import id.desaflow.contracts.events.EventType;
import id.desaflow.contracts.events.Topics;
import id.desaflow.platform.messaging.MalformedEventException;
import id.desaflow.platform.outbox.OutboxMessage;
import id.desaflow.verification.ServiceTestSupport;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static id.desaflow.verification.TestResidents.resident;
import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterTest extends ServiceTestSupport {

    @Test
    void malformedEventsOfBothTopicsGoToTheirDeadLetterTopicsAtOnceAndTheNextEventIsStillVerified() {
        String broken = newRequestId();
        OutboxMessage malformed = new OutboxMessage("malformed-" + broken, EventType.REQUEST_SUBMITTED.type(),
                Topics.INTAKE, broken, "{\"requestId\":\"" + broken + "\",\"villageCode\":\"Beji\"}", Instant.now(),
                null);
        publisher.publish(malformed);
        OutboxMessage malformedIssue = new OutboxMessage("malformed-issue-" + broken, EventType.LETTER_ISSUED.type(),
                Topics.APPROVAL, broken, "{\"requestId\":\"" + broken + "\"}", Instant.now(), null);
        publisher.publish(malformedIssue);
        String good = newRequestId();
        publish(good, submitted(good, registered(resident("Setelah Rusak"))));

        assertDeadLettered(Topics.INTAKE, malformed, broken);
        assertDeadLettered(Topics.APPROVAL, malformedIssue, broken);
        awaitVerificationOf(good);
        assertThat(verificationEvents.events()).noneMatch(e -> broken.equals(e.subject()));
    }

    private void assertDeadLettered(String topic, OutboxMessage message, String key) {
        String dlt = Topics.deadLetter(topic, "verification");
        try (Consumer<String, byte[]> consumer = new DefaultKafkaConsumerFactory<>(
                KafkaTestUtils.consumerProps(brokers, "dlt-reader-" + topic, "false"), new StringDeserializer(),
                new ByteArrayDeserializer()).createConsumer()) {
            consumer.subscribe(List.of(dlt));
            // the retry schedule (6 retries, from 500 ms doubling) would take over 25 s: 10 s means no retries
            ConsumerRecord<String, byte[]> dead = KafkaTestUtils.getSingleRecord(consumer, dlt, Duration.ofSeconds(10));
            assertThat(dead.key()).isEqualTo(key);
            assertThat(header(dead, "ce_id")).isEqualTo(message.eventId());
            assertThat(header(dead, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
                    .isEqualTo(MalformedEventException.class.getName());
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
