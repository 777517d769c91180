package id.desaflow.notification.template;

/** An administrator's wording: {@code subject} one line, {@code body} the text with {{variables}}. */
record TemplateBody(String subject, String body) {
}
