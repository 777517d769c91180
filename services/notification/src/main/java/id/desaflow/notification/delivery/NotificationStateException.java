package id.desaflow.notification.delivery;

/** A state change the notification refuses; the message is Indonesian because administrators read it. */
class NotificationStateException extends IllegalStateException {
    NotificationStateException(String message) {
        super(message);
    }
}
