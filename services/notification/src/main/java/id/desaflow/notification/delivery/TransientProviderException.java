package id.desaflow.notification.delivery;

/**
 * Thrown inside {@link ProviderGuard#call} for a failure that says the provider is unwell (timeout, connection
 * refused, 429, 5xx): recorded by the circuit breaker, reported as a temporary failure.
 */
public class TransientProviderException extends RuntimeException {
    public TransientProviderException(String message) {
        super(message);
    }

    public TransientProviderException(String message, Throwable cause) {
        super(message, cause);
    }
}
