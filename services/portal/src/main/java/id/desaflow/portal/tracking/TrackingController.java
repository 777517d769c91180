package id.desaflow.portal.tracking;

import id.desaflow.portal.backend.BackendClients;
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

import java.util.Locale;

/** "Lacak permohonan": a resident follows a request by its tracking code, no sign-in needed. */
@Controller
class TrackingController {
    private final RestClient intake;
    private final MessageSource messages;

    TrackingController(@BackendClients.Intake RestClient intake, MessageSource messages) {
        this.intake = intake;
        this.messages = messages;
    }

    /** The track form; with {@code kode} it redirects to the request's own bookmarkable page. */
    @GetMapping("/lacak")
    ModelAndView track(@RequestParam(name = "kode", required = false) String code) {
        if (code == null || code.isBlank()) {
            return new ModelAndView("lacak");
        }
        return new ModelAndView("redirect:" + UriComponentsBuilder.fromPath("/lacak/{code}")
                .buildAndExpand(code.strip()).encode().toUriString());
    }

    @GetMapping("/lacak/{trackingCode}")
    ModelAndView status(@PathVariable String trackingCode, @RequestParam(name = "baru", required = false) String fresh,
            @RequestParam(name = "diperbaiki", required = false) String revised, Locale locale) {
        try {
            RequestStatus request = intake.get().uri("/api/v1/requests/{code}", trackingCode)
                    .retrieve().body(RequestStatus.class);
            ModelAndView page = new ModelAndView("status");
            page.addObject("letterRequest", request);
            page.addObject("trackingCode", request.trackingCode() != null ? request.trackingCode() : trackingCode);
            page.addObject("statusText", statusText(request, locale));
            page.addObject("fresh", fresh != null);
            page.addObject("revised", revised != null);
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
