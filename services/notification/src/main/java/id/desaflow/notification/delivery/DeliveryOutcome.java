package id.desaflow.notification.delivery;

import java.time.Instant;

/** What one delivery attempt came to, as a channel gateway reports it. */
public sealed interface DeliveryOutcome {

    /**
     * The server or provider took the message. {@code awaitingReceipt}: the provider will report delivery later (the
     * message stays SENDING until its receipt); otherwise acceptance is as far as we can know, so DELIVERED.
     */
    record Accepted(String providerReference, boolean awaitingReceipt) implements DeliveryOutcome {
    }

    /** May pass: retried with backoff (429, 5xx, timeouts, connection refused, SMTP 4xx). */
    record TemporaryFailure(String reason) implements DeliveryOutcome {
    }

    /** Will not pass for this recipient (invalid number, unknown mailbox): the next channel is tried instead. */
    record PermanentFailure(String reason) implements DeliveryOutcome {
    }

    /** Our configuration or an answer we do not understand: needs a person, then a resend. */
    record TechnicalFailure(String reason) implements DeliveryOutcome {
    }

    /** Nothing was sent (circuit open, rate limit reached): try again from {@code retryAt}, not counted as a try. */
    record NotAttempted(Instant retryAt) implements DeliveryOutcome {
    }
}
