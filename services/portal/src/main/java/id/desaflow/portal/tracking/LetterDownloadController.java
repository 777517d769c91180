package id.desaflow.portal.tracking;

import id.desaflow.portal.letter.Letters;
import id.desaflow.portal.signin.ResidentSession;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.net.URI;
import java.util.Optional;

/**
 * "Unduh surat": the signed PDF of a finished request, for its resident only (the letter carries their name and
 * NIK), relayed from the approval service with the resident named as the actor.
 */
@Controller
class LetterDownloadController {
    private final Ownership ownership;
    private final Letters letters;

    LetterDownloadController(Ownership ownership, Letters letters) {
        this.ownership = ownership;
        this.letters = letters;
    }

    @GetMapping("/lacak/{trackingCode}/surat")
    ResponseEntity<?> download(@PathVariable String trackingCode) {
        Optional<String> nik = ownership.knownNik(trackingCode);
        if (nik.isEmpty()) {
            return seeOther(ConfirmationController.confirmPage(trackingCode, "surat"));
        }
        return letters.pdf(trackingCode, h -> h.set("X-DesaFlow-User", ResidentSession.actor(nik.get())))
                .<ResponseEntity<?>>map(pdf -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_PDF)
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                .filename("surat-" + trackingCode.replaceAll("[^A-Za-z0-9-]", "") + ".pdf").build()
                                .toString())
                        .header("X-Content-Type-Options", "nosniff")
                        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                        .body(pdf))
                .orElseGet(() -> seeOther(RevisionController.statusPage(trackingCode, "suratBelumAda")));
    }

    private static ResponseEntity<?> seeOther(String path) {
        return ResponseEntity.status(303).location(URI.create(path)).build();
    }
}
