package id.desaflow.notification.delivery;

import java.time.Instant;

/** What one delivery attempt came to. */
sealed interface DeliveryOutcome {
    record Delivered() implements DeliveryOutcome {
    }

    record TemporaryFailure(String reason) implements DeliveryOutcome {
    }

    record PermanentFailure(String reason) implements DeliveryOutcome {
    }

    /** The circuit breaker refused the call: nothing was sent, try again from {@code retryAt}. */
    record NotAttempted(Instant retryAt) implements DeliveryOutcome {
    }
}
