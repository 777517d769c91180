package id.desaflow.intake.request;

/** How a request came in: the resident online, or an operator at the village office counter for them. */
enum Channel {
    ONLINE, COUNTER
}
