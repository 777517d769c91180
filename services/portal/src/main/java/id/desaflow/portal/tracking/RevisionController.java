package id.desaflow.portal.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import id.desaflow.portal.application.ApplicationForms;
import id.desaflow.portal.application.Draft;
import id.desaflow.portal.application.Drafts;
import id.desaflow.portal.application.IntakeRequests;
import id.desaflow.portal.catalogue.LetterCatalogue;
import id.desaflow.portal.catalogue.LetterType;
import id.desaflow.portal.web.Redirects;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "Perbaiki permohonan": when verification or an official sends a request back, its resident corrects it here, on a
 * form pre-filled from the request. Documents chosen again replace the earlier ones of their kind; contacts left
 * empty stay as they were (intake shows them masked, so they cannot be refilled).
 */
@Controller
class RevisionController {
    private final Ownership ownership;
    private final LetterCatalogue catalogue;
    private final ApplicationForms forms;
    private final IntakeRequests intake;
    private final String villageCode;

    RevisionController(Ownership ownership, LetterCatalogue catalogue, ApplicationForms forms, IntakeRequests intake,
            @Value("${desaflow.portal.village-code}") String villageCode) {
        this.ownership = ownership;
        this.catalogue = catalogue;
        this.forms = forms;
        this.intake = intake;
        this.villageCode = villageCode;
    }

    @GetMapping("/lacak/{trackingCode}/perbaiki")
    ModelAndView form(@PathVariable String trackingCode) {
        Optional<String> nik = ownership.knownNik(trackingCode);
        if (nik.isEmpty()) {
            return Redirects.seeOther(ConfirmationController.confirmPage(trackingCode, "perbaiki"));
        }
        JsonNode details;
        try {
            details = ownership.details(trackingCode, nik.get());
        } catch (HttpClientErrorException.Forbidden | HttpClientErrorException.NotFound notTheirs) {
            return Redirects.seeOther(ConfirmationController.confirmPage(trackingCode, "perbaiki"));
        }
        LetterType type = waitingType(details);
        if (type == null) {
            return Redirects.seeOther(statusPage(trackingCode, null));
        }
        Map<String, String> entered = new LinkedHashMap<>();
        entered.put("applicant.name", details.path("applicant").path("name").asText(""));
        details.path("data").properties().forEach(e -> entered.put("data." + e.getKey(), e.getValue().asText()));
        return page(trackingCode, type, details, entered, Map.of(), HttpStatus.OK);
    }

    @PostMapping("/lacak/{trackingCode}/perbaiki")
    ModelAndView revise(@PathVariable String trackingCode, @RequestParam MultiValueMap<String, String> form,
            HttpServletRequest request) throws IOException {
        Optional<String> nik = ownership.knownNik(trackingCode);
        if (nik.isEmpty()) {
            return Redirects.seeOther(ConfirmationController.confirmPage(trackingCode, "perbaiki"));
        }
        JsonNode details = ownership.details(trackingCode, nik.get());
        LetterType type = waitingType(details);
        if (type == null) {
            return Redirects.seeOther(statusPage(trackingCode, null));
        }
        Draft draft = forms.read(Drafts.newKey(), type, villageCode, form, request, null, false);
        IntakeRequests.Outcome outcome = intake.revise(trackingCode, nik.get(), draft, type);
        if (outcome instanceof IntakeRequests.Refused refused) {
            return page(trackingCode, type, details, ApplicationForms.entered(draft), refused.errors(),
                    HttpStatus.BAD_REQUEST);
        }
        return Redirects.seeOther(statusPage(trackingCode,
                outcome instanceof IntakeRequests.Accepted ? "diperbaiki" : null));
    }

    /** The letter type of a request that waits for its correction; null when it does not (any more). */
    private LetterType waitingType(JsonNode details) {
        if (details == null || !"PERLU_PERBAIKAN".equals(details.path("status").asText())) {
            return null;
        }
        return catalogue.letterType(details.path("letterType").asText()).orElse(null);
    }

    private ModelAndView page(String trackingCode, LetterType type, JsonNode details, Map<String, String> entered,
            Map<String, String> errors, HttpStatus status) {
        ModelAndView page = new ModelAndView("perbaiki");
        page.setStatus(status);
        page.addObject("trackingCode", trackingCode);
        page.addObject("letterType", type);
        page.addObject("fields", type.fields());
        page.addObject("entered", entered);
        page.addObject("fieldErrors", errors);
        page.addObject("kept", Map.of());
        page.addObject("onPaper", java.util.Set.of());
        page.addObject("counter", false);
        page.addObject("revising", true); // documents already given need not be chosen again
        page.addObject("comment", details.path("revisionComment").asText(null));
        List<String> problems = new ArrayList<>();
        details.path("revisionProblems").forEach(p -> problems.add(p.path("message").asText()));
        page.addObject("problems", problems);
        List<String> given = new ArrayList<>();
        details.path("attachments").forEach(a -> given.add(a.path("kind").asText()));
        page.addObject("given", given);
        return page;
    }

    static String statusPage(String trackingCode, String flag) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/lacak/{code}");
        if (flag != null) {
            url.queryParam(flag, 1);
        }
        return url.encode().buildAndExpand(trackingCode).toUriString();
    }
}
