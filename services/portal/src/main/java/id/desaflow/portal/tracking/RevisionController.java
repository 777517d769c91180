package id.desaflow.portal.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import id.desaflow.portal.application.DocumentParts;
import id.desaflow.portal.backend.BackendClients;
import id.desaflow.portal.backend.Problem;
import id.desaflow.portal.catalogue.LetterCatalogue;
import id.desaflow.portal.catalogue.LetterType;
import id.desaflow.portal.web.Redirects;
import jakarta.servlet.http.HttpServletRequest;
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
import java.util.Map;

/**
 * "Perbaiki permohonan": when an official or verification sends a request back, the resident corrects it here. The
 * tracking code alone shows no personal data, so the resident first confirms with their NIK; intake then opens the
 * request to them (X-DesaFlow-User nik:..., the seam sign-in replaces in issue 3) and the form comes pre-filled.
 * Documents chosen again replace the earlier ones of their kind; contacts left empty stay as they were.
 */
@Controller
class RevisionController {
    private final RestClient intake;
    private final LetterCatalogue catalogue;

    RevisionController(@BackendClients.Intake RestClient intake, LetterCatalogue catalogue) {
        this.intake = intake;
        this.catalogue = catalogue;
    }

    @GetMapping("/lacak/{trackingCode}/perbaiki")
    ModelAndView askNik(@PathVariable String trackingCode) {
        return nikStep(trackingCode, null, HttpStatus.OK);
    }

    @PostMapping("/lacak/{trackingCode}/perbaiki")
    ModelAndView revise(@PathVariable String trackingCode, @RequestParam MultiValueMap<String, String> form,
            HttpServletRequest request) throws IOException {
        String nik = value(form, "nik").replace(" ", "");
        if (!nik.matches("[0-9]{16}")) {
            return nikStep(trackingCode, "revise.nik.invalid", HttpStatus.BAD_REQUEST);
        }
        JsonNode details;
        try {
            details = intake.get().uri("/api/v1/requests/{code}/details", trackingCode)
                    .header("X-DesaFlow-User", "nik:" + nik).retrieve().body(JsonNode.class);
        } catch (HttpClientErrorException.Forbidden | HttpClientErrorException.NotFound notTheirs) {
            // the same answer for "no such request" and "not your NIK": existence must not leak
            return nikStep(trackingCode, "revise.nik.mismatch", HttpStatus.FORBIDDEN);
        }
        if (details == null || !"PERLU_PERBAIKAN".equals(details.path("status").asText())) {
            return Redirects.seeOther(trackingPage(trackingCode));
        }
        LetterType type = catalogue.letterType(details.path("letterType").asText()).orElse(null);
        if (type == null) {
            return Redirects.seeOther(trackingPage(trackingCode));
        }
        if (!"kirim".equals(value(form, "langkah"))) {
            Map<String, String> entered = new LinkedHashMap<>();
            entered.put("applicant.name", details.path("applicant").path("name").asText(""));
            details.path("data").properties().forEach(e -> entered.put("data." + e.getKey(), e.getValue().asText()));
            return formStep(trackingCode, nik, type, details, entered, Map.of(), HttpStatus.OK);
        }
        Map<String, String> entered = new LinkedHashMap<>();
        for (String name : new String[] {"applicant.name", "applicant.phone", "applicant.email"}) {
            entered.put(name, value(form, name));
        }
        Map<String, Object> applicant = new LinkedHashMap<>();
        applicant.put("nik", nik);
        applicant.put("name", entered.get("applicant.name"));
        putIfPresent(applicant, "phone", entered.get("applicant.phone"));
        putIfPresent(applicant, "email", entered.get("applicant.email"));
        Map<String, Object> data = new LinkedHashMap<>();
        type.fields().forEach(f -> {
            entered.put("data." + f.name(), value(form, "data." + f.name()));
            putIfPresent(data, f.name(), entered.get("data." + f.name()));
        });
        try {
            intake.post().uri("/api/v1/requests/{code}/revision", trackingCode)
                    .header("X-DesaFlow-User", "nik:" + nik)
                    .contentType(MediaType.MULTIPART_FORM_DATA)
                    .body(DocumentParts.of(Map.of("applicant", applicant, "data", data), request, type.attachments()))
                    .retrieve().toBodilessEntity();
        } catch (HttpClientErrorException.Conflict late) {
            return Redirects.seeOther(trackingPage(trackingCode)); // no longer waiting for a revision
        } catch (HttpClientErrorException refused) {
            if (refused.getStatusCode().value() == 400 || refused.getStatusCode().value() == 413) {
                return formStep(trackingCode, nik, type, details, entered, Problem.of(refused).fieldMessages(),
                        HttpStatus.BAD_REQUEST);
            }
            throw refused;
        }
        return Redirects.seeOther(UriComponentsBuilder.fromPath("/lacak/{code}").queryParam("diperbaiki", 1)
                .buildAndExpand(trackingCode).encode().toUriString());
    }

    private ModelAndView nikStep(String trackingCode, String errorKey, HttpStatus status) {
        ModelAndView page = new ModelAndView("perbaiki-nik");
        page.setStatus(status);
        page.addObject("trackingCode", trackingCode);
        page.addObject("nikError", errorKey);
        return page;
    }

    private ModelAndView formStep(String trackingCode, String nik, LetterType type, JsonNode details,
            Map<String, String> entered, Map<String, String> errors, HttpStatus status) {
        ModelAndView page = new ModelAndView("perbaiki");
        page.setStatus(status);
        page.addObject("trackingCode", trackingCode);
        page.addObject("nik", nik);
        page.addObject("letterType", type);
        page.addObject("fields", type.fields());
        page.addObject("entered", entered);
        page.addObject("fieldErrors", errors);
        page.addObject("revising", true); // documents already given need not be chosen again
        page.addObject("comment", details.path("revisionComment").asText(null));
        java.util.List<String> problems = new java.util.ArrayList<>();
        details.path("revisionProblems").forEach(p -> problems.add(p.path("message").asText()));
        page.addObject("problems", problems);
        return page;
    }

    private static String trackingPage(String trackingCode) {
        return UriComponentsBuilder.fromPath("/lacak/{code}").buildAndExpand(trackingCode).encode().toUriString();
    }

    private static String value(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value.strip();
    }

    private static void putIfPresent(Map<String, Object> target, String name, String value) {
        if (value != null && !value.isEmpty()) {
            target.put(name, value);
        }
    }
}
