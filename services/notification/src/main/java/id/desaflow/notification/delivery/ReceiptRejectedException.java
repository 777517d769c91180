package id.desaflow.notification.delivery;

/** A receipt whose signature does not match the shared secret: answered 403, nothing changes. */
public class ReceiptRejectedException extends RuntimeException {
    public ReceiptRejectedException(String message) {
        super(message);
    }
}
