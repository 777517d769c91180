package id.desaflow.platform.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * The operational defaults every DesaFlow service shares, added with the lowest precedence so that a service's
 * application.yml or the environment can override any of them.
 */
public class PlatformDefaults implements EnvironmentPostProcessor, Ordered {
    static final Map<String, Object> DEFAULTS = Map.ofEntries(
            Map.entry("spring.kafka.bootstrap-servers", "127.0.0.1:9092"),
            Map.entry("spring.kafka.producer.key-serializer",
                    "org.apache.kafka.common.serialization.StringSerializer"),
            Map.entry("spring.kafka.producer.value-serializer",
                    "org.apache.kafka.common.serialization.ByteArraySerializer"),
            Map.entry("spring.kafka.producer.acks", "all"),
            Map.entry("spring.kafka.producer.properties.enable.idempotence", "true"),
            Map.entry("spring.kafka.consumer.key-deserializer",
                    "org.apache.kafka.common.serialization.StringDeserializer"),
            Map.entry("spring.kafka.consumer.value-deserializer",
                    "org.apache.kafka.common.serialization.ByteArrayDeserializer"),
            Map.entry("spring.kafka.consumer.group-id", "${spring.application.name}"),
            Map.entry("spring.kafka.consumer.auto-offset-reset", "earliest"),
            Map.entry("spring.kafka.listener.ack-mode", "record"),
            // a compacted topic a broker created on first use (auto-create) is set right at the next start
            Map.entry("spring.kafka.admin.modify-topic-configs", "true"),
            Map.entry("spring.kafka.listener.observation-enabled", "true"),
            Map.entry("spring.data.mongodb.auto-index-creation", "true"),
            // off: Boot's own handler would answer MVC errors before ProblemDetailsAdvice, without field names
            Map.entry("spring.mvc.problemdetails.enabled", "false"),
            Map.entry("spring.jackson.deserialization.fail-on-unknown-properties", "true"),
            Map.entry("spring.jackson.deserialization.fail-on-null-for-primitives", "true"),
            Map.entry("spring.jackson.default-property-inclusion", "always"),
            Map.entry("management.endpoints.web.exposure.include", "health,info,prometheus,metrics"),
            Map.entry("management.endpoint.health.probes.enabled", "true"),
            Map.entry("management.tracing.sampling.probability", "1.0"),
            Map.entry("management.metrics.tags.service", "${spring.application.name}"),
            Map.entry("logging.structured.format.console", "${desaflow.logging.format:ecs}"),
            Map.entry("server.shutdown", "graceful"),
            // The client's address (audit "from where") is the X-Forwarded-For the portal sets, trusted from
            // Tomcat's internal proxies only (loopback and private ranges; narrow it with
            // server.tomcat.remoteip.internal-proxies in a deployment). Services browsers reach directly (identity)
            // switch this off.
            Map.entry("server.forward-headers-strategy", "native"),
            Map.entry("springdoc.swagger-ui.path", "/swagger-ui.html"),
            Map.entry("desaflow.web.max-body-size", "64KB"));

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("desaflowPlatformDefaults", DEFAULTS));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
