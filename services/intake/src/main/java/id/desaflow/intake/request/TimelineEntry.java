package id.desaflow.intake.request;

import java.time.Instant;

/**
 * One step of a request's history. {@code text} is what the resident reads; the anonymous status page shows it with
 * {@code detail} (only an official's comment, a rejection reason or verification findings: never personal data).
 * {@code actor} (the counter operator, or the resident's account) is for the resident and officials only.
 */
record TimelineEntry(Instant at, String code, String text, String detail, String actor) {
}
