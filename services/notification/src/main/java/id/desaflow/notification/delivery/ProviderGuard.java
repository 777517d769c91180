package id.desaflow.notification.delivery;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * One provider's circuit breaker and rate limiter (both named after the provider, configured under
 * {@code resilience4j.circuitbreaker/ratelimiter.instances.<provider>}). Over the limit or with the circuit open
 * nothing is sent and the message waits, uncounted; only {@link TransientProviderException}s count against the
 * breaker, because a refused recipient says the provider works fine.
 */
public final class ProviderGuard {
    /** A rate-limited message is looked at again this soon at most: asking the limiter costs nothing. */
    private static final Duration MAX_RATE_WAIT = Duration.ofSeconds(1);

    private final String name;
    private final CircuitBreaker breaker;
    private final RateLimiterRegistry limiters;
    private final Clock clock;

    public ProviderGuard(String name, CircuitBreakerRegistry breakers, RateLimiterRegistry limiters, Clock clock) {
        this.name = name;
        this.breaker = breakers.circuitBreaker(name);
        this.limiters = limiters;
        this.clock = clock;
        limiters.rateLimiter(name);
    }

    public boolean isAvailable() {
        return breaker.getState() != CircuitBreaker.State.OPEN
                && breaker.getState() != CircuitBreaker.State.FORCED_OPEN;
    }

    public DeliveryOutcome call(Supplier<DeliveryOutcome> attempt) {
        if (!isAvailable()) {
            return whileOpen();
        }
        // looked up per call, so an operator (or a test) can replace the limiter at run time
        RateLimiter limiter = limiters.rateLimiter(name);
        if (!limiter.acquirePermission()) {
            Duration period = limiter.getRateLimiterConfig().getLimitRefreshPeriod();
            return new DeliveryOutcome.NotAttempted(clock.instant().plus(
                    period.compareTo(MAX_RATE_WAIT) < 0 ? period : MAX_RATE_WAIT));
        }
        try {
            return breaker.executeSupplier(attempt);
        } catch (CallNotPermittedException e) {
            return whileOpen();
        } catch (TransientProviderException e) {
            return new DeliveryOutcome.TemporaryFailure(e.getMessage());
        }
    }

    /** For a provider look-up: guarded by the breaker too, but a look-up does not use a sending permit. */
    public <T> T ask(Supplier<T> question) {
        return breaker.executeSupplier(question);
    }

    private DeliveryOutcome whileOpen() {
        Duration wait = Duration.ofMillis(breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState()
                .apply(1));
        return new DeliveryOutcome.NotAttempted(clock.instant().plus(wait));
    }

    public String name() {
        return name;
    }
}
