package id.desaflow.notification.template;

/** A message ready to send: one subject line and a plain-text body. */
public record RenderedMessage(String subject, String body) {
}
