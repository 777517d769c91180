package id.desaflow.platform.messaging;

/** A record that can never be processed (not a CloudEvent, or against its schema): not retried, dead-lettered. */
public class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
