package id.desaflow.portal.catalogue;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Beranda: what DesaFlow does for the village, the letters one can ask for, and the tracking form. */
@Controller
class HomeController {
    private final LetterCatalogue catalogue;

    HomeController(LetterCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("letterTypes", catalogue.letterTypes());
        return "beranda";
    }
}
