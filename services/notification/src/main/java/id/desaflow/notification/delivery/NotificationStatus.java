package id.desaflow.notification.delivery;

import java.util.EnumSet;
import java.util.Set;

/** Where one message is on its way (the statuses of a government notification service). */
public enum NotificationStatus {
    /** Waiting for its first attempt. */
    PENDING,
    /**
     * Claimed by one dispatcher ({@code nextAttemptAt} = end of the claim's lease), or handed to a provider that will
     * report delivery by receipt ({@code providerReference} set, {@code nextAttemptAt} = when to stop waiting).
     */
    SENDING,
    DELIVERED,
    /** The last attempt failed for a reason that may pass (server down, 429, 5xx); retried at {@code nextAttemptAt}. */
    TEMPORARY_FAILURE,
    /** The provider refused this recipient for good (invalid number, mailbox unknown); not retried. */
    PERMANENT_FAILURE,
    /** Our side is wrong (credentials, configuration, an answer we do not understand); not retried. */
    TECHNICAL_FAILURE;

    static final Set<NotificationStatus> FINAL_FAILURES = EnumSet.of(PERMANENT_FAILURE, TECHNICAL_FAILURE);

    public boolean isFailure() {
        return this == TEMPORARY_FAILURE || FINAL_FAILURES.contains(this);
    }
}
