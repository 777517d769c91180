package id.desaflow.portal.letter;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * "Cek keaslian surat": the page the QR code on every issued letter opens. Anyone (a bank, a school) sees whether
 * the letter is genuine and registered, with the details printed on it so they can compare, or that it was revoked.
 */
@Controller
class LetterVerificationController {
    private final Letters letters;

    LetterVerificationController(Letters letters) {
        this.letters = letters;
    }

    @GetMapping("/verifikasi")
    ModelAndView form(@RequestParam(name = "kode", required = false) String code) {
        if (code != null && !code.isBlank()) {
            return new ModelAndView("redirect:" + UriComponentsBuilder.fromPath("/verifikasi/{code}")
                    .encode().buildAndExpand(code.strip()).toUriString());
        }
        return new ModelAndView("verifikasi");
    }

    @GetMapping("/verifikasi/{code}")
    ModelAndView check(@PathVariable String code) {
        ModelAndView page = new ModelAndView("verifikasi");
        page.addObject("code", code);
        letters.publicLetter(code).ifPresentOrElse(letter -> page.addObject("letter", letter), () -> {
            page.setStatus(HttpStatus.NOT_FOUND);
            page.addObject("notFound", true);
        });
        return page;
    }
}
