package id.desaflow.verification.dukcapil;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;

/**
 * The Dukcapil-style NIK verification API ({@code desaflow.dukcapil.*}): off by default (no such API locally).
 * {@code timeout} bounds one call (until the response headers); retry, circuit breaker and bulkhead are
 * {@code resilience4j.*.instances.dukcapil}.
 */
@ConfigurationProperties("desaflow.dukcapil")
record DukcapilProperties(boolean enabled, URI baseUrl, Duration connectTimeout, Duration timeout) {

    DukcapilProperties {
        baseUrl = baseUrl == null ? URI.create("http://127.0.0.1:8090") : baseUrl;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(1) : connectTimeout;
        timeout = timeout == null ? Duration.ofSeconds(2) : timeout;
    }
}
