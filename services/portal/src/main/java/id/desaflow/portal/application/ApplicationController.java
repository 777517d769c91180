package id.desaflow.portal.application;

import id.desaflow.portal.catalogue.LetterCatalogue;
import id.desaflow.portal.catalogue.LetterType;
import id.desaflow.portal.signin.ResidentSession;
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
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The resident's application, in three server-rendered steps that need no JavaScript: the form built from the
 * catalogue ({@code /surat/{code}/ajukan}), the review ({@code /periksa}), the submission ({@code /kirim}) which
 * ends on the tracking page with the code and its QR. Typed values and chosen documents stay in the session's
 * draft between the steps; the draft's key is the idempotency key, so submitting twice is one request.
 */
@Controller
class ApplicationController {
    private final LetterCatalogue catalogue;
    private final ApplicationForms forms;
    private final Drafts drafts;
    private final IntakeRequests intake;
    private final ResidentSession resident;
    private final Village village;

    ApplicationController(LetterCatalogue catalogue, ApplicationForms forms, Drafts drafts, IntakeRequests intake,
            ResidentSession resident, @Value("${desaflow.portal.village-code}") String villageCode,
            @Value("${desaflow.portal.village-name}") String villageName) {
        this.catalogue = catalogue;
        this.forms = forms;
        this.drafts = drafts;
        this.intake = intake;
        this.resident = resident;
        this.village = new Village(villageCode, villageName);
    }

    /** The village the form is for; one fixed village per portal until villages come from intake. */
    record Village(String code, String name) {
    }

    @GetMapping("/surat/{code}/ajukan")
    ModelAndView form(@PathVariable String code, @RequestParam(name = "kunci", required = false) String key) {
        LetterType type = catalogue.letterType(code).orElse(null);
        if (type == null) {
            return unknownLetterType();
        }
        Optional<Draft> draft = drafts.find(key).filter(d -> d.letterType().equals(code));
        if (draft.filter(Draft::submitted).isPresent()) {
            return submittedPage(draft.get());
        }
        return form(type, draft.orElseGet(() -> Draft.empty(Drafts.newKey(), code,
                Map.of("villageCode", village.code()))), Map.of(), HttpStatus.OK);
    }

    /** The form posted: kept as the draft, then on to the review, or back with what is missing. */
    @PostMapping("/surat/{code}/ajukan")
    ModelAndView review(@PathVariable String code, @RequestParam MultiValueMap<String, String> form,
            HttpServletRequest request, Locale locale) throws IOException {
        LetterType type = catalogue.letterType(code).filter(LetterType::onlineAllowed).orElse(null);
        if (type == null) {
            return unknownLetterType();
        }
        String key = Drafts.validKey(form.getFirst("kunci")) ? form.getFirst("kunci") : Drafts.newKey();
        Optional<Draft> previous = drafts.find(key).filter(d -> d.letterType().equals(code));
        if (previous.filter(Draft::submitted).isPresent()) {
            return submittedPage(previous.get());
        }
        Draft draft = forms.read(key, type, village.code(), form, request, previous.orElse(null), false);
        drafts.save(draft);
        Map<String, String> problems = forms.problems(draft, type, false, locale);
        if (!problems.isEmpty()) {
            return form(type, draft, problems, HttpStatus.BAD_REQUEST);
        }
        return Redirects.seeOther(step(code, "periksa", key));
    }

    @GetMapping("/surat/{code}/periksa")
    ModelAndView reviewPage(@PathVariable String code, @RequestParam(name = "kunci", required = false) String key) {
        LetterType type = catalogue.letterType(code).filter(LetterType::onlineAllowed).orElse(null);
        if (type == null) {
            return unknownLetterType();
        }
        Optional<Draft> draft = drafts.find(key).filter(d -> d.letterType().equals(code));
        if (draft.isEmpty()) {
            return expired(type);
        }
        if (draft.get().submitted()) {
            return submittedPage(draft.get());
        }
        ModelAndView page = new ModelAndView("periksa");
        page.addObject("letterType", type);
        page.addObject("draft", draft.get());
        return page;
    }

    /** "Kirim": the draft goes to intake once; a second tap finds it submitted and shows the same code. */
    @PostMapping("/surat/{code}/kirim")
    ModelAndView submit(@PathVariable String code, @RequestParam(name = "kunci", required = false) String key) {
        LetterType type = catalogue.letterType(code).filter(LetterType::onlineAllowed).orElse(null);
        if (type == null) {
            return unknownLetterType();
        }
        Optional<Draft> found = drafts.find(key).filter(d -> d.letterType().equals(code));
        if (found.isEmpty()) {
            return expired(type);
        }
        Draft draft = found.get();
        if (draft.submitted()) {
            return submittedPage(draft);
        }
        IntakeRequests.Outcome outcome = intake.submit(draft, type, IntakeRequests.Channel.ONLINE,
                // the resident is who the request is for: only they (or the village's officials) may later open
                // its details, revise or cancel it (until sign-in proves it, identity service)
                h -> h.set("X-DesaFlow-User", ResidentSession.actor(draft.value("applicant.nik"))));
        if (outcome instanceof IntakeRequests.Accepted accepted) {
            drafts.markSubmitted(draft, accepted.trackingCode());
            resident.remember(accepted.trackingCode(), draft.value("applicant.nik"));
            return Redirects.seeOther(trackingPage(accepted.trackingCode()));
        }
        if (outcome instanceof IntakeRequests.Duplicate duplicate) {
            ModelAndView page = form(type, draft, Map.of(), HttpStatus.CONFLICT);
            page.addObject("existingTrackingCode", duplicate.existingTrackingCode());
            return page;
        }
        return form(type, draft, ((IntakeRequests.Refused) outcome).errors(), HttpStatus.BAD_REQUEST);
    }

    private ModelAndView form(LetterType type, Draft draft, Map<String, String> errors, HttpStatus status) {
        ModelAndView page = new ModelAndView("ajukan");
        page.setStatus(status);
        page.addObject("letterType", type);
        page.addObject("fields", type.fields());
        page.addObject("villages", List.of(village));
        page.addObject("entered", ApplicationForms.entered(draft));
        page.addObject("kept", draft.files());
        page.addObject("onPaper", draft.onPaper());
        page.addObject("fieldErrors", errors);
        page.addObject("key", draft.key());
        page.addObject("formAction", "/surat/" + type.code() + "/ajukan");
        page.addObject("counter", false);
        return page;
    }

    private ModelAndView expired(LetterType type) {
        ModelAndView page = new ModelAndView("formulir-kedaluwarsa");
        page.setStatus(HttpStatus.GONE);
        page.addObject("letterType", type);
        return page;
    }

    private static ModelAndView submittedPage(Draft draft) {
        return Redirects.seeOther(trackingPage(draft.trackingCode()));
    }

    private static String trackingPage(String trackingCode) {
        return UriComponentsBuilder.fromPath("/lacak/{code}").queryParam("baru", 1).encode().buildAndExpand(trackingCode)
                .toUriString();
    }

    private static String step(String code, String step, String key) {
        return UriComponentsBuilder.fromPath("/surat/{code}/{step}").queryParam("kunci", key)
                .encode().buildAndExpand(code, step).toUriString();
    }

    private static ModelAndView unknownLetterType() {
        ModelAndView page = new ModelAndView("surat-tidak-ditemukan");
        page.setStatus(HttpStatus.NOT_FOUND);
        return page;
    }
}
