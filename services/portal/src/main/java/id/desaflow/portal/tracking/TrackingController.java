package id.desaflow.portal.tracking;

import id.desaflow.portal.backend.BackendClients;
import id.desaflow.portal.web.QrCodes;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * "Lacak permohonan": anyone with the tracking code follows a request (status, history, what to fix), no sign-in and
 * no personal data. Acting on it (correct, cancel, download) asks for the applicant's NIK first.
 */
@Controller
class TrackingController {
    /** One-off notices after a step, by query flag (Post/Redirect/Get). */
    private static final List<String> NOTICES = List.of("baru", "diperbaiki", "dibatalkan", "tidakDapatDibatalkan",
            "suratBelumAda");

    private final RestClient intake;
    private final MessageSource messages;
    private final QrCodes qr;

    TrackingController(@BackendClients.Intake RestClient intake, MessageSource messages, QrCodes qr) {
        this.intake = intake;
        this.messages = messages;
        this.qr = qr;
    }

    /** The track form; with {@code kode} it redirects to the request's own bookmarkable page. */
    @GetMapping("/lacak")
    ModelAndView track(@RequestParam(name = "kode", required = false) String code) {
        if (code == null || code.isBlank()) {
            return new ModelAndView("lacak");
        }
        return new ModelAndView("redirect:" + UriComponentsBuilder.fromPath("/lacak/{code}")
                .encode().buildAndExpand(code.strip().toUpperCase(Locale.ROOT)).toUriString());
    }

    @GetMapping("/lacak/{trackingCode}")
    ModelAndView status(@PathVariable String trackingCode, @RequestParam Map<String, String> query, Locale locale) {
        try {
            RequestStatus request = intake.get().uri("/api/v1/requests/{code}", trackingCode)
                    .retrieve().body(RequestStatus.class);
            ModelAndView page = new ModelAndView("status");
            page.addObject("letterRequest", request);
            page.addObject("trackingCode", request.trackingCode() != null ? request.trackingCode() : trackingCode);
            page.addObject("statusText", statusText(request, locale));
            page.addObject("letterLabel", request.letterLabel(locale));
            page.addObject("fresh", query.containsKey("baru"));
            if (query.containsKey("baru")) {
                String code = request.trackingCode() != null ? request.trackingCode() : trackingCode;
                page.addObject("qrSvg", qr.trackingSvg(code,
                        messages.getMessage("status.fresh.qrLabel", new Object[] {code}, locale)));
            }
            NOTICES.stream().filter(n -> !n.equals("baru") && query.containsKey(n)).findFirst()
                    .ifPresent(n -> page.addObject("notice", n));
            return page;
        } catch (HttpClientErrorException.NotFound | HttpClientErrorException.BadRequest unknown) {
            ModelAndView page = new ModelAndView("lacak");
            page.setStatus(HttpStatus.NOT_FOUND);
            page.addObject("notFound", trackingCode);
            return page;
        }
    }

    /** The bundle's wording for the status (so English works); intake's own label for a status we do not know. */
    private String statusText(RequestStatus request, Locale locale) {
        String fallback = request.statusLabel() != null ? request.statusLabel() : request.status();
        return request.status() == null ? fallback
                : messages.getMessage("status." + request.status(), null, fallback, locale);
    }
}
