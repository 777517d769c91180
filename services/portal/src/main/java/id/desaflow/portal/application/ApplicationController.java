package id.desaflow.portal.application;

import com.fasterxml.jackson.databind.JsonNode;
import id.desaflow.portal.backend.BackendClients;
import id.desaflow.portal.backend.BackendUnavailableException;
import id.desaflow.portal.backend.Problem;
import id.desaflow.portal.catalogue.LetterCatalogue;
import id.desaflow.portal.catalogue.LetterType;
import id.desaflow.portal.web.Redirects;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The resident's application form for one letter type, built from the catalogue's fields. Input names are the API's
 * field paths ({@code applicant.nik}, {@code data.namaUsaha}) so intake's field errors land next to their inputs.
 * Post/Redirect/Get: a successful submission redirects to the tracking page.
 */
@Controller
class ApplicationController {
    private static final List<String> APPLICANT = List.of("nik", "name", "phone", "email");

    private final LetterCatalogue catalogue;
    private final RestClient intake;
    private final Village village;

    ApplicationController(LetterCatalogue catalogue, @BackendClients.Intake RestClient intake,
            @Value("${desaflow.portal.village-code}") String villageCode,
            @Value("${desaflow.portal.village-name}") String villageName) {
        this.catalogue = catalogue;
        this.intake = intake;
        this.village = new Village(villageCode, villageName);
    }

    /** A village the form offers; one fixed demo village until villages come from intake. */
    record Village(String code, String name) {
    }

    @GetMapping("/surat/{code}/ajukan")
    ModelAndView form(@PathVariable String code) {
        return catalogue.letterType(code)
                .map(type -> form(type, Map.of("villageCode", village.code()), Map.of(), HttpStatus.OK))
                .orElseGet(ApplicationController::unknownLetterType);
    }

    /**
     * The form arrives as multipart (documents attached) and goes on to intake the same way: the JSON part
     * {@code request} plus one file part per document kind. The form's idempotency key makes a double tap or a
     * resent form land on the same request.
     */
    @PostMapping(path = "/surat/{code}/ajukan")
    ModelAndView submit(@PathVariable String code, @RequestParam MultiValueMap<String, String> form,
            HttpServletRequest request) throws IOException {
        LetterType type = catalogue.letterType(code).orElse(null);
        if (type == null) {
            return unknownLetterType();
        }
        Map<String, String> values = entered(type, form);
        MultiValueMap<String, HttpEntity<?>> parts = DocumentParts.of(requestBody(type, values), request,
                type.attachments());
        String idempotencyKey = trimmed(form.getFirst("idempotencyKey"));
        try {
            JsonNode accepted = intake.post().uri("/api/v1/requests")
                    .header("X-DesaFlow-Channel", "ONLINE")
                    .headers(h -> {
                        // the resident is who the request is for: only they (or the village's officials) may
                        // later open its details, revise or cancel it (until sign-in proves it, issue 3)
                        String nik = values.get("applicant.nik");
                        if (nik.matches("[0-9]{16}")) {
                            h.set("X-DesaFlow-User", "nik:" + nik);
                        }
                        if (idempotencyKey.matches("[A-Za-z0-9-]{8,64}")) {
                            h.set("Idempotency-Key", idempotencyKey);
                        }
                    })
                    .contentType(MediaType.MULTIPART_FORM_DATA)
                    .body(parts)
                    .retrieve().body(JsonNode.class);
            String trackingCode = accepted == null ? null : accepted.path("trackingCode").asText(null);
            if (trackingCode == null) {
                throw new BackendUnavailableException("intake accepted a request without a tracking code");
            }
            return Redirects.seeOther(UriComponentsBuilder.fromPath("/lacak/{code}")
                    .queryParam("baru", 1).buildAndExpand(trackingCode).encode().toUriString());
        } catch (HttpClientErrorException.Conflict duplicate) {
            ModelAndView page = form(type, values, Map.of(), HttpStatus.CONFLICT);
            page.addObject("existingTrackingCode", Problem.of(duplicate).existingTrackingCode());
            return page;
        } catch (HttpClientErrorException refused) {
            // 400 invalid input, 413 documents too large, 422 a reused form key: all shown on the form
            if (refused.getStatusCode().value() == 400 || refused.getStatusCode().value() == 413
                    || refused.getStatusCode().value() == 422) {
                return form(type, values, Problem.of(refused).fieldMessages(), HttpStatus.BAD_REQUEST);
            }
            throw refused;
        }
    }

    /** The values the resident typed, keyed by API field path; only fields this letter type knows. */
    private Map<String, String> entered(LetterType type, MultiValueMap<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("villageCode", trimmed(form.getFirst("villageCode")));
        APPLICANT.forEach(name -> values.put("applicant." + name, trimmed(form.getFirst("applicant." + name))));
        type.fields().forEach(f -> values.put("data." + f.name(), trimmed(form.getFirst("data." + f.name()))));
        return values;
    }

    private static Map<String, Object> requestBody(LetterType type, Map<String, String> values) {
        Map<String, Object> applicant = new LinkedHashMap<>();
        APPLICANT.forEach(name -> putIfPresent(applicant, name, values.get("applicant." + name)));
        Map<String, Object> data = new LinkedHashMap<>();
        type.fields().forEach(f -> putIfPresent(data, f.name(), values.get("data." + f.name())));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("letterType", type.code());
        body.put("villageCode", values.get("villageCode"));
        body.put("applicant", applicant);
        body.put("data", data);
        return body;
    }

    /** Blank optional inputs are left out, so intake judges "missing" rather than "empty string". */
    private static void putIfPresent(Map<String, Object> target, String name, String value) {
        if (!value.isEmpty()) {
            target.put(name, value);
        }
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.strip();
    }

    private ModelAndView form(LetterType type, Map<String, String> values, Map<String, String> errors,
            HttpStatus status) {
        ModelAndView page = new ModelAndView("ajukan");
        page.setStatus(status);
        page.addObject("letterType", type);
        page.addObject("fields", type.fields());
        page.addObject("villages", List.of(village));
        page.addObject("entered", values);
        page.addObject("fieldErrors", errors);
        page.addObject("idempotencyKey", UUID.randomUUID().toString());
        return page;
    }

    private static ModelAndView unknownLetterType() {
        ModelAndView page = new ModelAndView("surat-tidak-ditemukan");
        page.setStatus(HttpStatus.NOT_FOUND);
        return page;
    }
}
