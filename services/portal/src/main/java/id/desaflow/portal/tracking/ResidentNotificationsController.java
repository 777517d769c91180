package id.desaflow.portal.tracking;

import id.desaflow.portal.notifications.Notifications;
import id.desaflow.portal.signin.ResidentSession;
import id.desaflow.portal.web.Redirects;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The resident's messages and their choice of channels (e-mail, SMS, WhatsApp, in the portal) or to stop messages
 * altogether, reached from the tracking page once the applicant's NIK is confirmed.
 */
@Controller
class ResidentNotificationsController {
    static final List<String> CHANNELS = List.of("WHATSAPP", "SMS", "EMAIL", "IN_APP");

    private final Ownership ownership;
    private final Notifications notifications;

    ResidentNotificationsController(Ownership ownership, Notifications notifications) {
        this.ownership = ownership;
        this.notifications = notifications;
    }

    @GetMapping("/lacak/{trackingCode}/pemberitahuan")
    ModelAndView show(@PathVariable String trackingCode, @RequestParam(name = "tersimpan", required = false)
            String saved) {
        Optional<String> nik = ownership.knownNik(trackingCode);
        if (nik.isEmpty()) {
            return Redirects.seeOther(ConfirmationController.confirmPage(trackingCode, "pemberitahuan"));
        }
        ModelAndView page = new ModelAndView("warga-pemberitahuan");
        page.addObject("trackingCode", trackingCode);
        page.addObject("messages", notifications.inApp(resident(nik.get())));
        page.addObject("preferences", notifications.preferences(resident(nik.get())));
        page.addObject("channels", CHANNELS);
        page.addObject("saved", saved != null);
        return page;
    }

    @PostMapping("/lacak/{trackingCode}/pemberitahuan")
    ModelAndView save(@PathVariable String trackingCode,
            @RequestParam(name = "kanal", required = false) List<String> channels,
            @RequestParam(name = "berhenti", required = false) String stop) {
        Optional<String> nik = ownership.knownNik(trackingCode);
        if (nik.isEmpty()) {
            return Redirects.seeOther(ConfirmationController.confirmPage(trackingCode, "pemberitahuan"));
        }
        List<String> chosen = channels == null ? List.of() : CHANNELS.stream().filter(channels::contains).toList();
        // no channel ticked still leaves the portal inbox: a resident is never left without any news
        notifications.savePreferences(resident(nik.get()), new Notifications.Preferences(
                chosen.isEmpty() ? List.of("IN_APP") : chosen, stop != null));
        return Redirects.seeOther("/lacak/" + trackingCode + "/pemberitahuan?tersimpan=1");
    }

    private static Consumer<HttpHeaders> resident(String nik) {
        return h -> h.set("X-DesaFlow-User", ResidentSession.actor(nik));
    }
}
