package id.desaflow.portal.counter;

import com.fasterxml.jackson.databind.JsonNode;
import id.desaflow.portal.application.ApplicationForms;
import id.desaflow.portal.application.Draft;
import id.desaflow.portal.application.Drafts;
import id.desaflow.portal.application.IntakeRequests;
import id.desaflow.portal.backend.BackendClients;
import id.desaflow.portal.catalogue.LetterCatalogue;
import id.desaflow.portal.catalogue.LetterType;
import id.desaflow.portal.signin.CurrentOfficial;
import id.desaflow.portal.signin.Official;
import id.desaflow.portal.web.QrCodes;
import id.desaflow.portal.web.Redirects;
import org.springframework.context.MessageSource;
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
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * "Loket": an official at the village office enters a request for a resident who came in person (no phone, no
 * internet, or a letter only the office may take). Find the resident in the register, pick a letter (counter-only
 * ones too), fill the form with documents uploaded or marked "dibawa ke kantor", and print the receipt.
 * Intake records the channel COUNTER and the official who entered it.
 */
@Controller
class CounterController {
    private final CurrentOfficial officials;
    private final Registry registry;
    private final CounterSession session;
    private final LetterCatalogue catalogue;
    private final ApplicationForms forms;
    private final Drafts drafts;
    private final IntakeRequests requests;
    private final RestClient intake;
    private final QrCodes qr;
    private final MessageSource messages;
    private final String villageCode;
    private final String villageName;

    CounterController(CurrentOfficial officials, Registry registry, CounterSession session, LetterCatalogue catalogue,
            ApplicationForms forms, Drafts drafts, IntakeRequests requests, @BackendClients.Intake RestClient intake,
            QrCodes qr, MessageSource messages, @Value("${desaflow.portal.village-code}") String villageCode,
            @Value("${desaflow.portal.village-name}") String villageName) {
        this.qr = qr;
        this.messages = messages;
        this.officials = officials;
        this.registry = registry;
        this.session = session;
        this.catalogue = catalogue;
        this.forms = forms;
        this.drafts = drafts;
        this.requests = requests;
        this.intake = intake;
        this.villageCode = villageCode;
        this.villageName = villageName;
    }

    @GetMapping("/loket")
    ModelAndView counter() {
        Official official = officials.require();
        ModelAndView page = page(official, session.lastSearch().orElse(""));
        session.lastSearch().ifPresent(q -> page.addObject("residents", registry.search(q, official)));
        return page;
    }

    /** The search is a POST (a NIK or a name is personal data, never in a URL), then 303 to the results. */
    @PostMapping("/loket")
    ModelAndView search(@RequestParam(name = "q", required = false) String query) {
        Official official = officials.require();
        String q = query == null ? "" : query.strip();
        if (q.length() < 2 || q.length() > 100) {
            ModelAndView page = page(official, q);
            page.addObject("queryError", true);
            page.setStatus(HttpStatus.BAD_REQUEST);
            return page;
        }
        session.searched(q);
        return Redirects.seeOther("/loket");
    }

    private ModelAndView page(Official official, String q) {
        ModelAndView page = new ModelAndView("loket");
        page.addObject("official", official);
        page.addObject("chosen", session.chosen().orElse(null));
        page.addObject("q", q);
        return page;
    }

    @PostMapping("/loket/pemohon")
    ModelAndView choose(@RequestParam MultiValueMap<String, String> form) {
        officials.require();
        String nik = value(form, "nik");
        session.choose(new CounterSession.Chosen(nik.matches("[0-9]{16}") ? nik : "", nik, value(form, "nama"),
                value(form, "dusun"), value(form, "rt"), value(form, "rw")));
        return Redirects.seeOther("/loket/surat");
    }

    @PostMapping("/loket/pemohon/ganti")
    ModelAndView forget() {
        officials.require();
        session.forget();
        return Redirects.seeOther("/loket");
    }

    @GetMapping("/loket/surat")
    ModelAndView letterTypes() {
        ModelAndView page = new ModelAndView("loket-surat");
        page.addObject("official", officials.require());
        page.addObject("chosen", session.chosen().orElse(null));
        page.addObject("letterTypes", catalogue.letterTypes());
        return page;
    }

    @GetMapping("/loket/surat/{code}")
    ModelAndView form(@PathVariable String code, @RequestParam(name = "kunci", required = false) String key) {
        officials.require();
        LetterType type = catalogue.letterType(code).orElse(null);
        if (type == null) {
            return unknownLetterType();
        }
        Optional<Draft> draft = drafts.find(key).filter(d -> d.letterType().equals(code));
        if (draft.filter(Draft::submitted).isPresent()) {
            return Redirects.seeOther(receipt(draft.get().trackingCode()));
        }
        return form(type, draft.orElseGet(() -> prefilled(code)), Map.of(), HttpStatus.OK);
    }

    /** Straight to intake (the official reads the answers back to the resident at the desk); errors come back. */
    @PostMapping("/loket/surat/{code}")
    ModelAndView submit(@PathVariable String code, @RequestParam MultiValueMap<String, String> form,
            HttpServletRequest request, Locale locale) throws IOException {
        Official official = officials.require();
        LetterType type = catalogue.letterType(code).orElse(null);
        if (type == null) {
            return unknownLetterType();
        }
        String key = Drafts.validKey(form.getFirst("kunci")) ? form.getFirst("kunci") : Drafts.newKey();
        Optional<Draft> previous = drafts.find(key).filter(d -> d.letterType().equals(code));
        if (previous.filter(Draft::submitted).isPresent()) {
            return Redirects.seeOther(receipt(previous.get().trackingCode()));
        }
        Draft draft = forms.read(key, type, villageCode, form, request, previous.orElse(null), true);
        drafts.save(draft);
        Map<String, String> problems = forms.problems(draft, type, true, locale);
        if (!problems.isEmpty()) {
            return form(type, draft, problems, HttpStatus.BAD_REQUEST);
        }
        IntakeRequests.Outcome outcome = requests.submit(draft, type, IntakeRequests.Channel.COUNTER,
                CurrentOfficial.headers(official));
        if (outcome instanceof IntakeRequests.Accepted accepted) {
            drafts.markSubmitted(draft, accepted.trackingCode());
            session.forget(); // the next resident in the queue starts with a fresh search
            return Redirects.seeOther(receipt(accepted.trackingCode()));
        }
        if (outcome instanceof IntakeRequests.Duplicate duplicate) {
            ModelAndView page = form(type, draft, Map.of(), HttpStatus.CONFLICT);
            page.addObject("existingTrackingCode", duplicate.existingTrackingCode());
            return page;
        }
        return form(type, draft, ((IntakeRequests.Refused) outcome).errors(), HttpStatus.BAD_REQUEST);
    }

    /** "Tanda terima": printed and handed to the resident. */
    @GetMapping("/loket/tanda-terima/{trackingCode}")
    ModelAndView receiptPage(@PathVariable String trackingCode, Locale locale) {
        Official official = officials.require();
        JsonNode details;
        try {
            details = intake.get().uri("/api/v1/requests/{code}/details", trackingCode)
                    .headers(CurrentOfficial.headers(official)).retrieve().body(JsonNode.class);
        } catch (HttpClientErrorException.NotFound unknown) {
            ModelAndView page = new ModelAndView("error/404");
            page.setStatus(HttpStatus.NOT_FOUND);
            return page;
        }
        String code = details.path("trackingCode").asText(trackingCode);
        ModelAndView page = new ModelAndView("tanda-terima");
        page.addObject("official", official);
        page.addObject("trackingCode", code);
        page.addObject("qrSvg", qr.trackingSvg(code, messages.getMessage("receipt.qrLabel", new Object[] {code},
                locale)));
        page.addObject("trackingLink", qr.link("/lacak"));
        page.addObject("details", details);
        page.addObject("letterType", catalogue.letterType(details.path("letterType").asText()).orElse(null));
        page.addObject("villageName", villageName);
        List<String> received = new java.util.ArrayList<>();
        details.path("attachments").forEach(a -> received.add(a.path("label").asText(a.path("kind").asText())));
        List<String> onPaper = new java.util.ArrayList<>();
        details.path("attachmentsOnPaper").forEach(a -> onPaper.add(a.path("label").asText(a.path("kind").asText())));
        page.addObject("received", received);
        page.addObject("onPaper", onPaper);
        return page;
    }

    private Draft prefilled(String code) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("villageCode", villageCode);
        session.chosen().ifPresent(r -> {
            values.put("applicant.nik", r.nik());
            values.put("applicant.name", r.name());
        });
        return Draft.empty(Drafts.newKey(), code, values);
    }

    private ModelAndView form(LetterType type, Draft draft, Map<String, String> errors, HttpStatus status) {
        ModelAndView page = new ModelAndView("ajukan");
        page.setStatus(status);
        page.addObject("letterType", type);
        page.addObject("fields", type.fields());
        page.addObject("villages", List.of(new Village(villageCode, villageName)));
        page.addObject("entered", ApplicationForms.entered(draft));
        page.addObject("kept", draft.files());
        page.addObject("onPaper", draft.onPaper());
        page.addObject("fieldErrors", errors);
        page.addObject("key", draft.key());
        page.addObject("formAction", "/loket/surat/" + type.code());
        page.addObject("counter", true);
        page.addObject("official", officials.get().orElse(null));
        page.addObject("chosen", session.chosen().orElse(null));
        return page;
    }

    record Village(String code, String name) {
    }

    private static String receipt(String trackingCode) {
        return UriComponentsBuilder.fromPath("/loket/tanda-terima/{code}").encode().buildAndExpand(trackingCode)
                .toUriString();
    }

    private static ModelAndView unknownLetterType() {
        ModelAndView page = new ModelAndView("surat-tidak-ditemukan");
        page.setStatus(HttpStatus.NOT_FOUND);
        return page;
    }

    private static String value(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value.strip();
    }
}
