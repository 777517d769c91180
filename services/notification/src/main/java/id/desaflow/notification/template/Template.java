package id.desaflow.notification.template;

/** A message template: one subject line (the title of an in-app message, the log entry of an SMS) and a body. */
public record Template(String subject, String body) {
}
