package id.desaflow.portal.backend;

import org.springframework.web.client.HttpClientErrorException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The parts of a service's RFC 9457 problem+json body that pages show to people. */
public record Problem(String title, String detail, List<FieldError> errors, String existingTrackingCode) {

    public record FieldError(String field, String message) {
    }

    /** Reads the problem a service answered with; a body that is not problem+json still yields an empty one. */
    public static Problem of(HttpClientErrorException e) {
        try {
            Problem problem = e.getResponseBodyAs(Problem.class);
            return problem != null ? problem : new Problem(null, null, List.of(), null);
        } catch (RuntimeException unreadable) {
            return new Problem(null, null, List.of(), null);
        }
    }

    /** Field name -> message (first message per field wins), for showing each message next to its input. */
    public Map<String, String> fieldMessages() {
        Map<String, String> messages = new LinkedHashMap<>();
        if (errors != null) {
            errors.stream().filter(e -> e.field() != null)
                    .forEach(e -> messages.putIfAbsent(e.field(), e.message()));
        }
        if (messages.isEmpty() && detail != null) {
            messages.put("body", detail); // e.g. an upload over the size limit: no single field to point at
        }
        return messages;
    }
}
