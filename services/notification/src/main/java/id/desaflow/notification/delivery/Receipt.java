package id.desaflow.notification.delivery;

/**
 * One delivery receipt as a provider reported it. {@code notificationId} is our id when the provider echoes it
 * (callback URL, callback data), else null and the message is found by {@code providerReference}.
 */
public record Receipt(String notificationId, String providerReference, ReceiptStatus status, String reason) {
}
