package id.desaflow.intake;

import id.desaflow.platform.test.InProcessMongo;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one service-test configuration (real HTTP port, embedded KRaft Kafka, in-process MongoDB): every class using
 * it shares one cached Spring context, one broker and one database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "desaflow.kafka.partitions=1",
        "desaflow.kafka.backoff-initial=100ms",
        "desaflow.kafka.backoff-max=1s",
        "desaflow.outbox.poll-interval=100ms",
        "logging.structured.format.console="})
@EmbeddedKafka(kraft = true, partitions = 1)
@InProcessMongo
public @interface IntakeServiceTest {
}
