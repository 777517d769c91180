package id.desaflow.contracts.events;

/** The outcome of one verification rule; {@code message} is Indonesian text a resident can act on. */
public record CheckResult(String rule, boolean passed, String message) {
}
