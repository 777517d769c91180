package id.desaflow.portal.backend;

/** A service did not answer usefully (down, timed out, or failed with 5xx): pages show "try again later". */
public class BackendUnavailableException extends RuntimeException {
    public BackendUnavailableException(String message) {
        super(message);
    }
}
