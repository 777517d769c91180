package id.desaflow.notification.inbox;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** One in-app notification as the portal lists it. */
@Schema(name = "InboxItem")
record InboxEntry(String id, Instant at, String title, String body,
        @Schema(description = "where the portal takes the person: the request's tracking page or the task inbox")
        String link, boolean read, String requestId,
        @Schema(description = "CloudEvents type of the event the message is about") String about) {

    static InboxEntry of(InboxItem item) {
        return new InboxEntry(item.id(), item.at(), item.title(), item.body(), item.link(), item.readAt() != null,
                item.requestId(), item.about());
    }
}
