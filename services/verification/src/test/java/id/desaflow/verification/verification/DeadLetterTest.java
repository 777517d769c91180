package id.desaflow.verification.verification;

import id.desaflow.contracts.events.EventType;
import id.desaflow.contracts.events.Topics;
import id.desaflow.platform.messaging.MalformedEventException;
import id.desaflow.platform.outbox.OutboxMessage;
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

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterTest extends ServiceTestSupport {
    private static final String DLT = Topics.deadLetter(Topics.INTAKE, "verification");

    @Test
    void aMalformedSubmittedEventGoesToTheDeadLetterTopicAtOnceAndTheNextEventIsStillVerified() {
        String broken = newRequestId();
        OutboxMessage malformed = new OutboxMessage("malformed-" + broken, EventType.REQUEST_SUBMITTED.type(),
                Topics.INTAKE, broken, "{\"requestId\":\"" + broken + "\",\"villageCode\":\"Beji\"}", Instant.now(),
                null);
        publisher.publish(malformed);
        String good = newRequestId();
        publish(good, submitted(good, SRI_NIK, "Sri Wahyuni"));

        try (Consumer<String, byte[]> consumer = new DefaultKafkaConsumerFactory<>(
                KafkaTestUtils.consumerProps(brokers, "dlt-reader", "false"), new StringDeserializer(),
                new ByteArrayDeserializer()).createConsumer()) {
            consumer.subscribe(List.of(DLT));
            // the retry schedule (6 retries, from 500 ms doubling) would take over 25 s: 10 s means no retries
            ConsumerRecord<String, byte[]> dead = KafkaTestUtils.getSingleRecord(consumer, DLT, Duration.ofSeconds(10));
            assertThat(dead.key()).isEqualTo(broken);
            assertThat(header(dead, "ce_id")).isEqualTo(malformed.eventId());
            assertThat(header(dead, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN)).isEqualTo(MalformedEventException.class.getName());
        }
        awaitVerificationOf(good);
        assertThat(verificationEvents.events()).noneMatch(e -> broken.equals(e.subject()));
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
