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
import org.springframework.web.util.UriComponentsBuilder;

import java.util.List;
import java.util.Set;

/**
 * The administrator's notification log (/admin/notifikasi): every message the system sent, failures first to hand,
 * and a resend button. Until sign-in exists (identity issue) the page is reachable like the officials' page.
 */
@Controller
class NotificationLogController {
    private static final Set<String> STATUSES = Set.of("FAILED", "PENDING", "SENDING", "DELIVERED",
            "TEMPORARY_FAILURE", "PERMANENT_FAILURE", "TECHNICAL_FAILURE");
    private static final List<String> CHANNELS = List.of("EMAIL", "SMS", "WHATSAPP", "IN_APP");

    private final Notifications notifications;
    private final CurrentOfficial officials;

    NotificationLogController(Notifications notifications, CurrentOfficial officials) {
        this.notifications = notifications;
        this.officials = officials;
    }

    @GetMapping("/admin/notifikasi")
    ModelAndView log(@RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "kanal", required = false) String channel,
            @RequestParam(name = "hasil", required = false) String result) {
        String chosenStatus = status != null && STATUSES.contains(status) ? status : null;
        String chosenChannel = channel != null && CHANNELS.contains(channel) ? channel : null;
        ModelAndView page = new ModelAndView("admin-notifikasi");
        Official official = officials.require(); // the service shows only what this administrator may read
        try {
            page.addObject("deliveries", notifications.log(official, chosenStatus, chosenChannel));
        } catch (HttpClientErrorException.Forbidden notAnAdministrator) {
            page.addObject("deliveries", List.of());
            page.addObject("forbidden", true);
        }
        page.addObject("status", chosenStatus);
        page.addObject("channel", chosenChannel);
        page.addObject("channels", CHANNELS);
        page.addObject("resent", "dikirim-ulang".equals(result));
        page.addObject("refused", "ditolak".equals(result));
        return page;
    }

    @PostMapping("/admin/notifikasi/{id}/kirim-ulang")
    ModelAndView resend(@PathVariable String id, @RequestParam(name = "status", required = false) String status) {
        String result;
        try {
            notifications.resend(officials.require(), id);
            result = "dikirim-ulang";
        } catch (HttpClientErrorException refused) {
            result = "ditolak";
        }
        UriComponentsBuilder back = UriComponentsBuilder.fromPath("/admin/notifikasi").queryParam("hasil", result);
        if (status != null && STATUSES.contains(status)) {
            back.queryParam("status", status);
        }
        return Redirects.seeOther(back.build().toUriString());
    }
}
