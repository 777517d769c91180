package id.desaflow.notification.delivery;

/** Where one message is on its way to the resident. */
public enum NotificationStatus {
    /** Waiting for its first attempt. */
    PENDING,
    /** Claimed by one dispatcher; {@code nextAttemptAt} is the end of that claim's lease. */
    SENDING,
    DELIVERED,
    /** The last attempt failed for a reason that may pass (server down, 4xx); retried at {@code nextAttemptAt}. */
    TEMPORARY_FAILURE,
    /** Will not be retried unless an administrator asks for a resend. */
    PERMANENT_FAILURE
}
