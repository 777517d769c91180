package id.desaflow.portal.signin;

import id.desaflow.portal.web.Redirects;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * "Masuk sebagai": an official picks who they are from the demo village's officials. No password: this page is the
 * stand-in for the identity service's sign-in, and says so.
 */
@Controller
class SignInController {
    private final DemoOfficials officials;
    private final CurrentOfficial current;

    SignInController(DemoOfficials officials, CurrentOfficial current) {
        this.officials = officials;
        this.current = current;
    }

    @GetMapping("/masuk")
    ModelAndView picker(@RequestParam(name = "lanjut", required = false) String next) {
        return page(next, false, HttpStatus.OK);
    }

    @PostMapping("/masuk")
    ModelAndView signIn(@RequestParam(name = "petugas", required = false) String id,
            @RequestParam(name = "lanjut", required = false) String next) {
        return officials.find(id == null ? "" : id).map(official -> {
            current.signIn(official);
            return Redirects.seeOther(Redirects.localPath(next, "/petugas"));
        }).orElseGet(() -> page(next, true, HttpStatus.BAD_REQUEST));
    }

    @PostMapping("/keluar")
    ModelAndView signOut() {
        current.signOut();
        return Redirects.seeOther("/masuk");
    }

    private ModelAndView page(String next, boolean missing, HttpStatus status) {
        ModelAndView page = new ModelAndView("masuk");
        page.setStatus(status);
        page.addObject("officials", officials.all());
        page.addObject("next", Redirects.localPath(next, "/petugas"));
        page.addObject("current", current.get().orElse(null));
        page.addObject("missing", missing);
        return page;
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(DemoOfficials.class)
    static class Properties {
    }
}
