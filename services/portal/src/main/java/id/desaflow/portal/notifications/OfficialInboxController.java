package id.desaflow.portal.notifications;

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

/** "Pemberitahuan": the official's in-app messages (new tasks, reminders, escalations), newest first. */
@Controller
class OfficialInboxController {
    private final CurrentOfficial officials;
    private final Notifications notifications;
    private final String publicBaseUrl;

    OfficialInboxController(CurrentOfficial officials, Notifications notifications,
            @org.springframework.beans.factory.annotation.Value("${desaflow.public-base-url:http://localhost:8080}")
            String publicBaseUrl) {
        this.officials = officials;
        this.notifications = notifications;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
    }

    @GetMapping("/petugas/pemberitahuan")
    ModelAndView inbox() {
        Official official = officials.require();
        ModelAndView page = new ModelAndView("petugas-pemberitahuan");
        page.addObject("official", official);
        page.addObject("inApp", notifications.inApp(official));
        return page;
    }

    /** Marks a message read and follows its link when it points into the portal ("Buka"), else back to the list. */
    @PostMapping("/petugas/pemberitahuan/{id}/dibaca")
    ModelAndView read(@PathVariable String id, @RequestParam(name = "tautan", required = false) String link) {
        officials.require();
        try {
            notifications.markRead(officials.require(), id);
        } catch (HttpClientErrorException gone) {
            // already removed: nothing to mark, the list shows what is there
        }
        // the notification service writes absolute links (they also go out by e-mail): follow only ours
        String local = link != null && link.startsWith(publicBaseUrl + "/") ? link.substring(publicBaseUrl.length())
                : link;
        return Redirects.seeOther(Redirects.localPath(local, "/petugas/pemberitahuan"));
    }
}
