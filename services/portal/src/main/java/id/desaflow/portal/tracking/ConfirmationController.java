package id.desaflow.portal.tracking;

import id.desaflow.portal.web.Redirects;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.Set;

/**
 * Before a resident corrects, cancels or downloads a request found by its tracking code, they type the applicant's
 * NIK once; intake says whether it matches. Then they go on to what they wanted ({@code lanjut}).
 */
@Controller
class ConfirmationController {
    /** The actions behind the confirmation: the path segment after /lacak/{code}/. */
    static final Set<String> NEXT = Set.of("perbaiki", "batalkan", "surat", "pemberitahuan");

    private final Ownership ownership;

    ConfirmationController(Ownership ownership) {
        this.ownership = ownership;
    }

    static String confirmPage(String trackingCode, String next) {
        return UriComponentsBuilder.fromPath("/lacak/{code}/konfirmasi").queryParam("lanjut", next)
                .encode().buildAndExpand(trackingCode).toUriString();
    }

    @GetMapping("/lacak/{trackingCode}/konfirmasi")
    ModelAndView ask(@PathVariable String trackingCode, @RequestParam(name = "lanjut", required = false) String next) {
        return page(trackingCode, next(next), null, HttpStatus.OK);
    }

    @PostMapping("/lacak/{trackingCode}/konfirmasi")
    ModelAndView confirm(@PathVariable String trackingCode,
            @RequestParam(name = "lanjut", required = false) String next,
            @RequestParam(name = "nik", required = false) String typed) {
        String nik = typed == null ? "" : typed.replaceAll("[\\s.\\-]", "");
        if (!nik.matches("[0-9]{16}")) {
            return page(trackingCode, next(next), "revise.nik.invalid", HttpStatus.BAD_REQUEST);
        }
        if (!ownership.confirm(trackingCode, nik)) {
            return page(trackingCode, next(next), "revise.nik.mismatch", HttpStatus.FORBIDDEN);
        }
        return Redirects.seeOther(UriComponentsBuilder.fromPath("/lacak/{code}/{next}")
                .encode().buildAndExpand(trackingCode, next(next)).toUriString());
    }

    private static String next(String next) {
        return next != null && NEXT.contains(next) ? next : "perbaiki";
    }

    private static ModelAndView page(String trackingCode, String next, String errorKey, HttpStatus status) {
        ModelAndView page = new ModelAndView("konfirmasi-nik");
        page.setStatus(status);
        page.addObject("trackingCode", trackingCode);
        page.addObject("next", next);
        page.addObject("nikError", errorKey);
        return page;
    }
}
