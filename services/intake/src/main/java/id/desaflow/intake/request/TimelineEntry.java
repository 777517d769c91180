package id.desaflow.intake.request;

import java.time.Instant;

/**
 * One step of a request's history as the resident sees it. Shown on the anonymous status page, so it never holds
 * personal data: {@code detail} is only an official's comment, a rejection reason or verification findings.
 */
record TimelineEntry(Instant at, String code, String text, String detail) {
}
