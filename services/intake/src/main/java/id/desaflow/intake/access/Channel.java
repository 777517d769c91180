package id.desaflow.intake.access;

/** How a request came in: the resident online, or an operator at the village office counter for them. */
public enum Channel {
    ONLINE, COUNTER
}
