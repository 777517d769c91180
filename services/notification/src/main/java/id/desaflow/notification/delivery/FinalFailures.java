package id.desaflow.notification.delivery;

/**
 * Called after a message failed for good and was saved so ({@link Notification#followUpPending()}). Must be
 * idempotent: after a crash the dispatcher calls it again for the same message.
 */
public interface FinalFailures {
    void followUp(Notification failed);
}
