package id.desaflow.verification.dukcapil;

/**
 * A Dukcapil call failed for a reason that may pass (timeout, connection refused, HTTP 5xx or 429): the one
 * exception the retry repeats and the circuit breaker counts (named in application.yml). A refusal of the question
 * (another 4xx) is an answer, not a failure.
 */
class DukcapilUnreachable extends RuntimeException {
    DukcapilUnreachable(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
