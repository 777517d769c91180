package id.desaflow.platform.messaging;

import id.desaflow.contracts.events.Topics;
import id.desaflow.platform.outbox.EventPublisher;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

import java.util.ArrayList;
import java.util.List;

/**
 * Kafka as every service uses it: the public topics (the reference-data ones compacted, see {@link Topics}) and this
 * service's dead-letter topics, retries with exponential backoff for transient faults, then the dead-letter topic;
 * malformed records go there at once.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
public class KafkaMessagingConfiguration {
    private static final List<String> PUBLIC_TOPICS = List.of(Topics.INTAKE, Topics.VERIFICATION, Topics.APPROVAL,
            Topics.NOTIFICATION, Topics.IDENTITY, Topics.INTAKE_LETTER_TYPES, Topics.IDENTITY_OFFICIALS);
    private static final List<String> COMPACTED_TOPICS = List.of(Topics.INTAKE_LETTER_TYPES,
            Topics.IDENTITY_OFFICIALS);

    @Bean
    KafkaAdmin.NewTopics desaflowTopics(@Value("${spring.application.name}") String service,
            @Value("${desaflow.kafka.partitions:3}") int partitions,
            @Value("${desaflow.kafka.replicas:1}") short replicas) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : PUBLIC_TOPICS) {
            TopicBuilder builder = TopicBuilder.name(topic).partitions(partitions).replicas(replicas);
            if (COMPACTED_TOPICS.contains(topic)) {
                builder.compact();
            }
            topics.add(builder.build());
            topics.add(TopicBuilder.name(Topics.deadLetter(topic, service)).partitions(1).replicas(replicas).build());
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    @Bean
    @ConditionalOnMissingBean
    EventPublisher eventPublisher(KafkaTemplate<String, byte[]> kafka,
            @Value("${spring.application.name}") String service) {
        return new EventPublisher(kafka, service);
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler desaflowErrorHandler(KafkaTemplate<String, byte[]> kafka,
            @Value("${spring.application.name}") String service,
            @Value("${desaflow.kafka.retries:6}") int retries,
            @Value("${desaflow.kafka.backoff-initial:500ms}") java.time.Duration initial,
            @Value("${desaflow.kafka.backoff-max:10s}") java.time.Duration max) {
        var recoverer = new DeadLetterPublishingRecoverer(kafka,
                (record, ex) -> new TopicPartition(Topics.deadLetter(record.topic(), service), -1));
        var backOff = new ExponentialBackOffWithMaxRetries(retries);
        backOff.setInitialInterval(initial.toMillis());
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(max.toMillis());
        var handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(MalformedEventException.class);
        return handler;
    }
}
