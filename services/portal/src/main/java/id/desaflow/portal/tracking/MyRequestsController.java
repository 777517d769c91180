package id.desaflow.portal.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import id.desaflow.portal.backend.BackendClients;
import id.desaflow.portal.signin.ResidentSession;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.ModelAndView;

import java.util.ArrayList;
import java.util.List;

/**
 * "Permohonan saya": a signed-in resident's requests, newest first, as intake lists them for their token (their own
 * NIK only). Where to go after signing in with NIK + PIN.
 */
@Controller
class MyRequestsController {
    private final RestClient intake;
    private final ResidentSession residents;

    MyRequestsController(@BackendClients.Intake RestClient intake, ResidentSession residents) {
        this.intake = intake;
        this.residents = residents;
    }

    record MyRequest(String trackingCode, String letterLabel, String statusLabel, String statusLabelEn,
            String submittedAt) {
    }

    @GetMapping("/permohonan-saya")
    ModelAndView mine() {
        List<MyRequest> requests = new ArrayList<>();
        boolean signedIn = residents.signedInNik().isPresent();
        if (signedIn) {
            JsonNode body = intake.get().uri("/api/v1/requests").retrieve().body(JsonNode.class);
            if (body != null) {
                body.forEach(r -> requests.add(new MyRequest(r.path("trackingCode").asText(),
                        r.path("letterLabel").asText(), r.path("statusLabel").asText(),
                        r.path("statusLabelEn").asText(null), r.path("submittedAt").asText(null))));
            }
        }
        return new ModelAndView("permohonan-saya").addObject("requests", requests).addObject("signedIn", signedIn);
    }
}
