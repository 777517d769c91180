package id.desaflow.notification.delivery;

/** What a provider's delivery receipt says, in our terms. */
public enum ReceiptStatus {
    /** Left the provider for the network; delivery not confirmed yet. */
    SENT,
    DELIVERED,
    /** Not delivered for a reason that may pass (handset off, network busy): sent again with backoff. */
    TEMPORARY_FAILURE,
    /** Not delivered and never will be (unknown number, not on WhatsApp, blocked). */
    PERMANENT_FAILURE
}
