package id.desaflow.notification.onetimecode;

import id.desaflow.contracts.events.EventType;
import id.desaflow.contracts.events.OneTimeCodeRequested;
import id.desaflow.contracts.events.Topics;
import id.desaflow.platform.messaging.IncomingEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * One-time codes from the identity topic (officials' accounts travel on their own compacted topic), in a consumer
 * group of its own so a code never waits behind another listener's retries. The group keeps its name: a new one would
 * read the topic from its start and send codes again.
 */
@Component
class OneTimeCodeListener {
    private final OneTimeCodeSender sender;

    OneTimeCodeListener(OneTimeCodeSender sender) {
        this.sender = sender;
    }

    @KafkaListener(topics = Topics.IDENTITY, groupId = "${spring.application.name}-codes")
    void onIdentity(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (event.is(EventType.ONE_TIME_CODE_REQUESTED)) {
            sender.deliver(event.id(), event.payload(OneTimeCodeRequested.class));
        }
    }
}
