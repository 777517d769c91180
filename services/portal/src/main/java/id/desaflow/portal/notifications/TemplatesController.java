package id.desaflow.portal.notifications;

import id.desaflow.portal.backend.Problem;
import id.desaflow.portal.signin.CurrentOfficial;
import id.desaflow.portal.signin.Official;
import id.desaflow.portal.web.Redirects;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The message templates (/admin/templat): the kecamatan administrator changes the wording of each message per
 * channel and language; the service refuses variables a message does not have and says which field.
 */
@Controller
class TemplatesController {
    private final Notifications notifications;
    private final CurrentOfficial officials;

    TemplatesController(Notifications notifications, CurrentOfficial officials) {
        this.notifications = notifications;
        this.officials = officials;
    }

    @GetMapping("/admin/templat")
    ModelAndView list(@RequestParam(name = "jenis", required = false) String eventType,
            @RequestParam(name = "hasil", required = false) String result) {
        return page(officials.require(), eventType, result, null, null);
    }

    @PostMapping("/admin/templat/{eventType}/{channel}/{language}")
    ModelAndView save(@PathVariable String eventType, @PathVariable String channel, @PathVariable String language,
            @RequestParam(name = "subject", required = false) String subject,
            @RequestParam(name = "body", required = false) String body) {
        Official official = officials.require();
        try {
            notifications.saveTemplate(official, eventType, channel, language, subject, body);
        } catch (HttpClientErrorException.Forbidden notAllowed) {
            return page(official, eventType, "ditolak", null, null);
        } catch (HttpClientErrorException.BadRequest invalid) {
            return page(official, eventType, null, eventType + "/" + channel + "/" + language,
                    Problem.of(invalid).fieldMessages());
        }
        return Redirects.seeOther(UriComponentsBuilder.fromPath("/admin/templat").queryParam("jenis", eventType)
                .queryParam("hasil", "tersimpan").encode().build().toUriString());
    }

    private ModelAndView page(Official official, String eventType, String result, String failed,
            Map<String, String> errors) {
        ModelAndView page = new ModelAndView("admin-templat");
        List<Notifications.Template> all;
        try {
            all = notifications.templates(official, null);
        } catch (HttpClientErrorException.Forbidden notAnAdministrator) {
            page.addObject("forbidden", true);
            page.addObject("types", List.of());
            page.addObject("templates", List.of());
            return page;
        }
        List<String> types = all.stream().map(Notifications.Template::eventType).distinct().sorted().toList();
        String chosen = eventType != null && types.contains(eventType) ? eventType : types.isEmpty() ? null
                : types.get(0);
        page.addObject("types", types);
        page.addObject("chosen", chosen);
        page.addObject("templates", all.stream().filter(t -> t.eventType().equals(chosen)).toList());
        page.addObject("saved", "tersimpan".equals(result));
        page.addObject("refused", "ditolak".equals(result));
        page.addObject("failed", failed);
        page.addObject("errors", errors == null ? Map.of() : new TreeMap<>(errors));
        return page;
    }
}
