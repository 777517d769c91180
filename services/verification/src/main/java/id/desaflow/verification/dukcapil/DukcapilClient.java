package id.desaflow.verification.dukcapil;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import id.desaflow.platform.identity.Masking;
import id.desaflow.verification.rules.CivilRegistry;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import java.net.http.HttpClient;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Asks the Dukcapil-style API whether NIK, name and birth date belong together:
 * {@code POST {base-url}/api/v1/nik/verify {nik, nama, tanggalLahir}} answers
 * {@code {found, match, fields: {nama: bool, tanggalLahir: bool}}} (README.md). Guarded by Resilience4j, all named
 * {@code dukcapil}: each attempt limited by the HTTP timeouts and a bulkhead (a slow Dukcapil cannot take every
 * consumer thread), counted by a circuit breaker (fail fast while it is down), repeated by a retry with exponential
 * backoff. Whatever remains a failure becomes {@link CivilRegistry.Unavailable}: the request waits, it is not judged.
 */
@Component
@EnableConfigurationProperties(DukcapilProperties.class)
class DukcapilClient implements CivilRegistry {
    static final String NAME = "dukcapil";
    private static final Logger log = LoggerFactory.getLogger(DukcapilClient.class);

    private final DukcapilProperties properties;
    private final RestClient http;
    private final CircuitBreaker circuitBreaker;
    private final Retry retry;
    private final Bulkhead bulkhead;

    DukcapilClient(DukcapilProperties properties, RestClient.Builder builder, CircuitBreakerRegistry circuitBreakers,
            RetryRegistry retries, BulkheadRegistry bulkheads) {
        this.properties = properties;
        // HTTP/1.1: the JDK client's default h2c upgrade attempt on plain http breaks some servers' first answer
        var requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout()).build());
        requests.setReadTimeout(properties.timeout());
        this.http = builder.baseUrl(properties.baseUrl().toString()).requestFactory(requests).build();
        this.circuitBreaker = circuitBreakers.circuitBreaker(NAME);
        this.retry = retries.retry(NAME);
        this.bulkhead = bulkheads.bulkhead(NAME);
    }

    @Override
    public boolean enabled() {
        return properties.enabled();
    }

    @Override
    public boolean available() {
        CircuitBreaker.State state = circuitBreaker.getState();
        return enabled() && state != CircuitBreaker.State.OPEN && state != CircuitBreaker.State.FORCED_OPEN;
    }

    @Override
    public Match verify(String nik, String name, LocalDate birthDate) {
        Supplier<Match> call = () -> ask(nik, name, birthDate);
        Supplier<Match> guarded = Retry.decorateSupplier(retry,
                CircuitBreaker.decorateSupplier(circuitBreaker, Bulkhead.decorateSupplier(bulkhead, call)));
        try {
            return guarded.get();
        } catch (DukcapilUnreachable | CallNotPermittedException | BulkheadFullException e) {
            log.warn("Dukcapil check of {} not possible now (circuit {}): {}", Masking.nik(nik),
                    circuitBreaker.getState(), e.getMessage());
            throw new Unavailable("Dukcapil unavailable: " + e.getMessage(), e);
        }
    }

    private Match ask(String nik, String name, LocalDate birthDate) {
        Map<String, Object> question = new LinkedHashMap<>();
        question.put("nik", nik);
        question.put("nama", name);
        question.put("tanggalLahir", birthDate == null ? null : birthDate.toString());
        try {
            Answer answer = http.post().uri("/api/v1/nik/verify").contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON).body(question).retrieve().body(Answer.class);
            if (answer == null) {
                throw new DukcapilUnreachable("empty answer", null);
            }
            List<String> mismatched = answer.fields() == null ? List.of() : answer.fields().entrySet().stream()
                    .filter(e -> Boolean.FALSE.equals(e.getValue())).map(e -> label(e.getKey())).toList();
            return new Match(answer.found(), answer.match(), mismatched, null);
        } catch (HttpServerErrorException e) {
            throw new DukcapilUnreachable("HTTP " + e.getStatusCode().value(), e);
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode().value() == HttpStatus.TOO_MANY_REQUESTS.value()) {
                throw new DukcapilUnreachable("HTTP 429", e);
            }
            if (e.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
                return new Match(false, false, List.of(), null);
            }
            return new Match(false, false, List.of(), "HTTP " + e.getStatusCode().value());
        } catch (ResourceAccessException e) {
            throw new DukcapilUnreachable(e.getMostSpecificCause().getClass().getSimpleName(), e);
        } catch (RestClientException e) {
            // an answer we cannot read (HTML error page from a proxy, broken JSON) is an outage, not a verdict
            throw new DukcapilUnreachable("unreadable answer", e);
        }
    }

    private static String label(String field) {
        return switch (field) {
            case "nama" -> "nama";
            case "tanggalLahir" -> "tanggal lahir";
            default -> field;
        };
    }

    /** Dukcapil's answer; fields it may add later are ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Answer(boolean found, boolean match, Map<String, Boolean> fields) {
    }
}
