package id.desaflow.platform.web;

import org.springframework.http.HttpStatus;

import java.util.Map;

/**
 * A refusal with a meaning for the caller, rendered as RFC 9457 problem+json. {@code slug} names the problem type
 * ({@code https://desaflow.id/problems/<slug>}); {@code properties} become extension members.
 */
public class ProblemException extends RuntimeException {
    private final HttpStatus status;
    private final String slug;
    private final String title;
    private final Map<String, Object> properties;

    public ProblemException(HttpStatus status, String slug, String title, String detail,
            Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Tidak ditemukan", what + " tidak ditemukan",
                null);
    }

    public static ProblemException conflict(String slug, String detail, Map<String, Object> properties) {
        return new ProblemException(HttpStatus.CONFLICT, slug, "Konflik", detail, properties);
    }

    public HttpStatus status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
