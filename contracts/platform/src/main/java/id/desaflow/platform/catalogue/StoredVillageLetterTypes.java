package id.desaflow.platform.catalogue;

import id.desaflow.contracts.events.EventType;
import id.desaflow.contracts.events.LetterTypeChanged;
import id.desaflow.contracts.events.Topics;
import id.desaflow.platform.messaging.IncomingEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.annotation.KafkaListener;

import java.time.Duration;

/**
 * For a service that keeps villages' letter types in its MongoDB just as intake sends them (verification: required
 * documents; notification: names), switched on with {@code desaflow.village-letter-types.store=true}: the
 * {@link VillageLetterTypes} bean and the consumer of intake's compacted letter-type topic, which a new or rebuilt
 * database reads from its beginning. Approval keeps its versions in its own engine database and consumes them itself.
 */
@AutoConfiguration(after = MongoDataAutoConfiguration.class)
@ConditionalOnProperty(name = "desaflow.village-letter-types.store", havingValue = "true")
public class StoredVillageLetterTypes {

    @Bean
    VillageLetterTypes villageLetterTypes(MongoOperations mongo,
            @Value("${desaflow.village-letter-types.refresh-after:PT1M}") Duration refreshAfter) {
        return VillageLetterTypes.stored(mongo, refreshAfter);
    }

    @Bean
    Listener villageLetterTypesListener(VillageLetterTypes letterTypes) {
        return new Listener(letterTypes);
    }

    static class Listener {
        private final VillageLetterTypes letterTypes;

        Listener(VillageLetterTypes letterTypes) {
            this.letterTypes = letterTypes;
        }

        @KafkaListener(id = "${spring.application.name}-letter-types", topics = Topics.INTAKE_LETTER_TYPES)
        void on(ConsumerRecord<String, byte[]> record) {
            IncomingEvent event = IncomingEvent.from(record);
            if (event.is(EventType.LETTER_TYPE_CHANGED)) {
                letterTypes.changed(event.id(), event.payload(LetterTypeChanged.class));
            }
        }
    }
}
