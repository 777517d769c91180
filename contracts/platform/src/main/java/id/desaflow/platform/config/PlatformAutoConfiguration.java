package id.desaflow.platform.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.desaflow.platform.outbox.EventPublisher;
import id.desaflow.platform.outbox.MongoOutboxRelay;
import id.desaflow.platform.web.BodySizeLimitFilter;
import id.desaflow.platform.web.ProblemDetailsAdvice;
import id.desaflow.platform.web.StrictUtf8;
import id.desaflow.platform.web.UploadProblems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.util.unit.DataSize;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Wires the platform kit into a service: problem+json errors (also for broken or oversized multipart bodies), strict
 * UTF-8 JSON bodies, the body size limit, the MongoDB outbox relay.
 */
@AutoConfiguration
@Import({ProblemDetailsAdvice.class, StrictUtf8.class, UploadProblems.class})
public class PlatformAutoConfiguration {

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(
            @Value("${desaflow.web.max-body-size}") DataSize limit, Environment environment, ObjectMapper json) {
        // e.g. desaflow.web.max-body-size-by-path."[/api/v1/workflows/*/deployments]": 1100KB
        Map<String, Long> byPath = new LinkedHashMap<>();
        Binder.get(environment).bind("desaflow.web.max-body-size-by-path",
                        Bindable.mapOf(String.class, DataSize.class))
                .ifBound(limits -> limits.forEach((path, size) -> byPath.put(path, size.toBytes())));
        var registration = new FilterRegistrationBean<>(new BodySizeLimitFilter(limit.toBytes(), byPath, json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    /** Switched on by {@code desaflow.outbox.collections}: the collections whose documents carry an outbox. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MongoTemplate.class)
    @ConditionalOnProperty("desaflow.outbox.collections")
    @EnableScheduling
    static class MongoOutbox {
        @Bean
        MongoOutboxRelay mongoOutboxRelay(MongoTemplate mongo, EventPublisher publisher,
                @Value("${desaflow.outbox.collections}") List<String> collections) {
            return new MongoOutboxRelay(mongo, publisher, collections);
        }
    }
}
