package id.desaflow.portal.notifications;

import id.desaflow.portal.signin.CurrentOfficial;
import id.desaflow.portal.signin.Official;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.desaflow.portal.backend.BackendClients;
import id.desaflow.portal.backend.BackendUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import java.time.Instant;
import java.util.List;

/** The notification service as the pages need it: an official's in-app messages, the delivery log, resend. */
@Component
public class Notifications {
    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    private final RestClient notification;
    private final ObjectMapper json;

    Notifications(@BackendClients.Notification RestClient notification, ObjectMapper json) {
        this.notification = notification;
        this.json = json;
    }

    /** One in-app message. */
    public record InApp(String id, Instant at, String title, String body, String link, boolean read) {
    }

    /** One delivery of the log (recipient already masked by the service). */
    public record Delivery(String id, String requestId, String audience, String channel, String recipient,
            String about, String subject, String status, int attempts, String lastError, Instant createdAt,
            Instant updatedAt) {

        public boolean failed() {
            return status != null && status.endsWith("FAILURE");
        }
    }

    /**
     * The newest in-app messages of one recipient; empty (not an error page) when the notification service is
     * down, because the task list matters more than the messages beside it.
     */
    public List<InApp> inApp(Official official) {
        try {
            JsonNode body = notification.get().uri("/api/v1/inbox").headers(CurrentOfficial.headers(official))
                    .retrieve().body(JsonNode.class);
            return BackendClients.items(body, InApp.class, json);
        } catch (RestClientException | BackendUnavailableException unavailable) {
            log.warn("In-app messages unavailable: {}", unavailable.toString());
            return List.of();
        }
    }

    /** The log as far as this official may read it (their village; the service decides). */
    /** A person's notification choices (GET /api/v1/preferences/me). */
    public record Preferences(List<String> channels, boolean optedOut) {
        public Preferences {
            channels = channels == null ? List.of() : List.copyOf(channels);
        }

        public boolean uses(String channel) {
            return channels.contains(channel);
        }
    }

    /** A resident's in-app messages, the service told who they are by {@code headers}; empty when it is down. */
    public List<InApp> inApp(java.util.function.Consumer<org.springframework.http.HttpHeaders> headers) {
        try {
            JsonNode body = notification.get().uri("/api/v1/inbox").headers(headers).retrieve().body(JsonNode.class);
            return BackendClients.items(body, InApp.class, json);
        } catch (RestClientException | BackendUnavailableException unavailable) {
            log.warn("In-app messages unavailable: {}", unavailable.toString());
            return List.of();
        }
    }

    public Preferences preferences(java.util.function.Consumer<org.springframework.http.HttpHeaders> headers) {
        return notification.get().uri("/api/v1/preferences/me").headers(headers).retrieve().body(Preferences.class);
    }

    public void savePreferences(java.util.function.Consumer<org.springframework.http.HttpHeaders> headers,
            Preferences preferences) {
        notification.put().uri("/api/v1/preferences/me").headers(headers)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(preferences).retrieve()
                .toBodilessEntity();
    }

    /** One message template (event type x channel x language) with the variables it may use. */
    public record Template(String eventType, String channel, String language, String subject, String body,
            List<String> variables, boolean overridden, String updatedBy, Instant updatedAt) {
        public Template {
            variables = variables == null ? List.of() : List.copyOf(variables);
        }
    }

    public List<Template> templates(Official official, String eventType) {
        JsonNode body = notification.get().uri(u -> {
            u.path("/api/v1/templates");
            if (eventType != null) {
                u.queryParam("eventType", "{type}");
            }
            return u.build(eventType == null ? new Object[0] : new Object[] {eventType});
        }).headers(CurrentOfficial.headers(official)).retrieve().body(JsonNode.class);
        return BackendClients.items(body, Template.class, json);
    }

    public void saveTemplate(Official official, String eventType, String channel, String language, String subject,
            String body) {
        java.util.Map<String, String> wording = new java.util.LinkedHashMap<>();
        wording.put("subject", subject);
        wording.put("body", body);
        notification.put().uri("/api/v1/templates/{t}/{c}/{l}", eventType, channel, language)
                .headers(CurrentOfficial.headers(official))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(wording).retrieve()
                .toBodilessEntity();
    }

    public List<Delivery> log(Official official, String status, String channel) {
        JsonNode body = notification.get().uri(u -> {
            u.path("/api/v1/notifications").queryParam("size", 100);
            if (status != null) {
                u.queryParam("status", status);
            }
            if (channel != null) {
                u.queryParam("channel", channel);
            }
            return u.build();
        }).headers(CurrentOfficial.headers(official)).retrieve().body(JsonNode.class);
        return BackendClients.items(body, Delivery.class, json);
    }

    public void markRead(Official official, String id) {
        notification.post().uri("/api/v1/inbox/{id}/read", id).headers(CurrentOfficial.headers(official))
                .retrieve().toBodilessEntity();
    }

    public void resend(Official official, String id) {
        notification.post().uri("/api/v1/notifications/{id}/resend", id).headers(CurrentOfficial.headers(official))
                .retrieve().toBodilessEntity();
    }
}
