package id.desaflow.notification.delivery;

import java.time.Instant;

/**
 * What a gateway can tell about an attempt whose outcome was lost (the service stopped between handing a message to
 * the provider and saving the answer).
 */
public sealed interface InDoubt {

    /** The provider knows the message: take its state, send nothing. */
    record Known(DeliveryOutcome outcome) implements InDoubt {
    }

    /** The provider never got it: safe to send. */
    record NotSent() implements InDoubt {
    }

    /** The provider cannot be asked (no look-up in its API): the gateway's documented choice is to send again. */
    record Unknown() implements InDoubt {
    }

    /** The look-up itself failed (provider down): ask again later, send nothing now. */
    record AskLater(Instant retryAt) implements InDoubt {
    }
}
