package id.desaflow.notification.recipient;

/**
 * The event that carries the applicant's contacts has not been processed yet (it travels on another topic, so it
 * may arrive later). Retryable: the platform error handler retries with backoff, then dead-letters.
 */
public class RecipientNotYetKnownException extends RuntimeException {
    public RecipientNotYetKnownException(String requestId) {
        super("Contacts for request " + requestId + " are not known yet");
    }
}
