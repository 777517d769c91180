package id.desaflow.identity;

import id.desaflow.platform.test.InProcessMongo;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One cached context for all identity tests: random port, embedded Kafka, in-process Mongo, demo accounts, a high
 * sign-in limit (every test signs in from 127.0.0.1; the limiter itself is tested with its own quota) and a
 * mailbox for one-time codes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "desaflow.kafka.partitions=1",
        "desaflow.outbox.poll-interval=100ms",
        "desaflow.demo-seed=true",
        "desaflow.identity.key-dir=target/test-signing-key",
        "desaflow.identity.login-attempts-per-minute=1000",
        "desaflow.identity.code-requests-per-minute=3",
        "logging.structured.format.console="})
@EmbeddedKafka(kraft = true, partitions = 1)
@InProcessMongo
public @interface IdentityServiceTest {
}
