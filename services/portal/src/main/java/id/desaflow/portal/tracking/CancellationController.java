package id.desaflow.portal.tracking;

import id.desaflow.portal.backend.BackendClients;
import id.desaflow.portal.signin.ResidentSession;
import id.desaflow.portal.web.Redirects;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.ModelAndView;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * "Batalkan permohonan": a confirm page (no script, no pop-up) before the resident withdraws a request that is not
 * finished; intake refuses once it is signed, rejected or already cancelled.
 */
@Controller
class CancellationController {
    private static final int REASON_MAX = 500;

    private final Ownership ownership;
    private final RestClient intake;

    CancellationController(Ownership ownership, @BackendClients.Intake RestClient intake) {
        this.ownership = ownership;
        this.intake = intake;
    }

    @GetMapping("/lacak/{trackingCode}/batalkan")
    ModelAndView confirm(@PathVariable String trackingCode) {
        if (ownership.knownNik(trackingCode).isEmpty()) {
            return Redirects.seeOther(ConfirmationController.confirmPage(trackingCode, "batalkan"));
        }
        return page(trackingCode, "", null, HttpStatus.OK);
    }

    @PostMapping("/lacak/{trackingCode}/batalkan")
    ModelAndView cancel(@PathVariable String trackingCode,
            @RequestParam(name = "alasan", required = false) String reasonValue) {
        Optional<String> nik = ownership.knownNik(trackingCode);
        if (nik.isEmpty()) {
            return Redirects.seeOther(ConfirmationController.confirmPage(trackingCode, "batalkan"));
        }
        String reason = reasonValue == null ? "" : reasonValue.strip();
        if (reason.length() > REASON_MAX) {
            return page(trackingCode, reason, "cancel.reason.tooLong", HttpStatus.BAD_REQUEST);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (!reason.isEmpty()) {
            body.put("reason", reason);
        }
        try {
            intake.post().uri("/api/v1/requests/{code}/cancellation", trackingCode)
                    .header("X-DesaFlow-User", ResidentSession.actor(nik.get()))
                    .contentType(MediaType.APPLICATION_JSON).body(body)
                    .retrieve().toBodilessEntity();
        } catch (HttpClientErrorException.Conflict finished) {
            return Redirects.seeOther(RevisionController.statusPage(trackingCode, "tidakDapatDibatalkan"));
        } catch (HttpClientErrorException.BadRequest invalid) {
            return page(trackingCode, reason, "cancel.reason.invalid", HttpStatus.BAD_REQUEST);
        }
        return Redirects.seeOther(RevisionController.statusPage(trackingCode, "dibatalkan"));
    }

    private static ModelAndView page(String trackingCode, String reason, String errorKey, HttpStatus status) {
        ModelAndView page = new ModelAndView("batalkan");
        page.setStatus(status);
        page.addObject("trackingCode", trackingCode);
        page.addObject("reason", reason);
        page.addObject("reasonError", errorKey);
        return page;
    }
}
