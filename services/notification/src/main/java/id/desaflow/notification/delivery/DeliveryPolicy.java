package id.desaflow.notification.delivery;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How hard the dispatcher tries: exponential backoff between attempts (capped), a maximum number of attempts before
 * a temporary failure becomes permanent, the lease after which a message stuck in SENDING (the dispatcher crashed
 * mid-send) is looked at again, and how long a message handed to a provider waits for its delivery receipt.
 */
@ConfigurationProperties("desaflow.notification.delivery")
public record DeliveryPolicy(
        @DefaultValue("30s") Duration initialBackoff,
        @DefaultValue("2.0") double backoffMultiplier,
        @DefaultValue("1h") Duration maxBackoff,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("20") int batchSize,
        @DefaultValue("72h") Duration receiptTimeout) {

    public DeliveryPolicy {
        if (initialBackoff.isNegative() || initialBackoff.isZero() || backoffMultiplier < 1.0
                || maxBackoff.compareTo(initialBackoff) < 0 || maxAttempts < 1 || lease.isNegative()
                || lease.isZero() || batchSize < 1 || receiptTimeout.isNegative() || receiptTimeout.isZero()) {
            throw new IllegalArgumentException("Inconsistent desaflow.notification.delivery settings: " + this);
        }
    }

    /** Wait before the next try after {@code failedAttempts} failed ones: initial * multiplier^(n-1), capped. */
    public Duration backoffAfter(int failedAttempts) {
        double factor = Math.pow(backoffMultiplier, Math.max(0, failedAttempts - 1));
        double millis = initialBackoff.toMillis() * factor;
        return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis((long) millis);
    }
}
