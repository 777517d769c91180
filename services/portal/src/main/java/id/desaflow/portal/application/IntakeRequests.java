package id.desaflow.portal.application;

import com.fasterxml.jackson.databind.JsonNode;
import id.desaflow.portal.backend.BackendClients;
import id.desaflow.portal.backend.BackendUnavailableException;
import id.desaflow.portal.backend.Problem;
import id.desaflow.portal.catalogue.LetterType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Intake's submission and revision API as the pages use it: a draft goes out as multipart (JSON part {@code request}
 * plus one file part per document) and the answer comes back as an outcome a page can show.
 */
@Component
public class IntakeRequests {
    private final RestClient intake;

    IntakeRequests(@BackendClients.Intake RestClient intake) {
        this.intake = intake;
    }

    public sealed interface Outcome permits Accepted, Refused, Duplicate, NotAwaitingRevision {
    }

    /** Intake took it: 202 with the tracking code. */
    public record Accepted(String trackingCode) implements Outcome {
    }

    /** Bad input (400), documents too large (413) or a form key reused for other data (422): shown on the form. */
    public record Refused(Map<String, String> errors) implements Outcome {
    }

    /** 409: the resident already has an open request of this type. */
    public record Duplicate(String existingTrackingCode, String detail) implements Outcome {
    }

    /** 409 on a revision: the request no longer waits for one. */
    public record NotAwaitingRevision() implements Outcome {
    }

    public enum Channel { ONLINE, COUNTER }

    /**
     * @param actor the headers saying who acts (the resident's {@code nik:...}, or the counter official and groups)
     */
    public Outcome submit(Draft draft, LetterType type, Channel channel, Consumer<HttpHeaders> actor) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("letterType", type.code());
        body.put("villageCode", draft.value("villageCode"));
        body.put("applicant", applicant(draft));
        body.put("data", data(draft, type));
        List<String> paper = new ArrayList<>(draft.onPaper());
        if (!paper.isEmpty()) {
            body.put("attachmentsOnPaper", paper);
        }
        try {
            JsonNode accepted = intake.post().uri("/api/v1/requests")
                    .headers(actor)
                    .header("X-DesaFlow-Channel", channel.name())
                    .header("Idempotency-Key", draft.key())
                    .contentType(MediaType.MULTIPART_FORM_DATA)
                    .body(DocumentParts.of(body, draft.files().values()))
                    .retrieve().body(JsonNode.class);
            return new Accepted(trackingCode(accepted));
        } catch (HttpClientErrorException.Conflict duplicate) {
            Problem problem = Problem.of(duplicate);
            return new Duplicate(problem.existingTrackingCode(), problem.detail());
        } catch (HttpClientErrorException refused) {
            return refusal(refused, paper);
        }
    }

    /** A correction after "perlu perbaikan", as the resident; documents sent replace those of their kind. */
    public Outcome revise(String trackingCode, String nik, Draft draft, LetterType type) {
        Map<String, Object> applicant = applicant(draft);
        applicant.put("nik", nik);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("applicant", applicant);
        body.put("data", data(draft, type));
        try {
            JsonNode accepted = intake.post().uri("/api/v1/requests/{code}/revision", trackingCode)
                    .header("X-DesaFlow-User", "nik:" + nik)
                    .contentType(MediaType.MULTIPART_FORM_DATA)
                    .body(DocumentParts.of(body, draft.files().values()))
                    .retrieve().body(JsonNode.class);
            return new Accepted(accepted == null ? trackingCode : accepted.path("trackingCode").asText(trackingCode));
        } catch (HttpClientErrorException.Conflict late) {
            return new NotAwaitingRevision();
        } catch (HttpClientErrorException refused) {
            return refusal(refused, List.of());
        }
    }

    private static Outcome refusal(HttpClientErrorException refused, List<String> paper) {
        int status = refused.getStatusCode().value();
        if (status != 400 && status != 413 && status != 422) {
            throw refused; // 403, 404 ...: the page's general handling explains
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Problem.of(refused).fieldMessages().forEach((field, message) -> errors.putIfAbsent(
                documentOf(field, paper), message));
        return new Refused(errors);
    }

    /** "attachmentsOnPaper[1]" is about the second document marked as brought on paper: show it there. */
    private static String documentOf(String field, List<String> paper) {
        var m = java.util.regex.Pattern.compile("attachmentsOnPaper\\[(\\d+)]").matcher(field);
        if (m.matches() && Integer.parseInt(m.group(1)) < paper.size()) {
            return paper.get(Integer.parseInt(m.group(1)));
        }
        return field;
    }

    private static String trackingCode(JsonNode accepted) {
        String code = accepted == null ? null : accepted.path("trackingCode").asText(null);
        if (code == null || code.isBlank()) {
            throw new BackendUnavailableException("intake accepted a request without a tracking code");
        }
        return code;
    }

    /** Blank optional inputs are left out, so intake judges "missing" rather than "empty string". */
    private static Map<String, Object> applicant(Draft draft) {
        Map<String, Object> applicant = new LinkedHashMap<>();
        ApplicationForms.APPLICANT.forEach(name -> putIfPresent(applicant, name, draft.value("applicant." + name)));
        return applicant;
    }

    private static Map<String, Object> data(Draft draft, LetterType type) {
        Map<String, Object> data = new LinkedHashMap<>();
        type.fields().forEach(f -> putIfPresent(data, f.name(), draft.value("data." + f.name())));
        return data;
    }

    private static void putIfPresent(Map<String, Object> target, String name, String value) {
        if (value != null && !value.isEmpty()) {
            target.put(name, value);
        }
    }
}
