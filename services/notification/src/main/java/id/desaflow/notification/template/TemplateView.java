package id.desaflow.notification.template;

import id.desaflow.notification.delivery.Channel;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** One template as administrators see and edit it. */
@Schema(name = "MessageTemplate")
record TemplateView(String eventType, Channel channel, String language, String subject, String body,
        @Schema(description = "the variables this message may use, written {{name}}") List<String> variables,
        @Schema(description = "true when an administrator's wording replaces the shipped default")
        boolean overridden, String updatedBy, Instant updatedAt) {
}
