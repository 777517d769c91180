package id.desaflow.intake.request;

/**
 * One thing the resident must fix: {@code field} names the form field or attachment when verification knows it
 * (null for an official's general comment), {@code message} says what, in Indonesian.
 */
record RevisionProblem(String field, String message) {
}
