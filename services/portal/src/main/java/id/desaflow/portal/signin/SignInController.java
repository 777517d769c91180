package id.desaflow.portal.signin;

import id.desaflow.portal.web.Redirects;
import jakarta.servlet.http.HttpSession;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Signing in. With the identity service configured, "/masuk" starts its sign-in (NIK + PIN for residents, username
 * + password for officials). In local open mode it is "Masuk sebagai": an official picks who they are from the demo
 * village's officials, without a password, and the page says so.
 */
@Controller
class SignInController {
    private final DemoOfficials officials;
    private final CurrentOfficial current;
    private final IdentityProperties identity;

    SignInController(DemoOfficials officials, CurrentOfficial current, IdentityProperties identity) {
        this.officials = officials;
        this.current = current;
        this.identity = identity;
    }

    /**
     * With the identity service: off to its sign-in (and back to {@code lanjut} afterwards), unless someone is
     * signed in already; a resident who opened an officials' page is told it is not theirs. Open mode: the picker.
     */
    @GetMapping("/masuk")
    ModelAndView picker(@RequestParam(name = "lanjut", required = false) String next,
            @RequestParam(name = "gagal", required = false) String failed, HttpSession session) {
        if (!identity.enabled()) {
            return page(next, false, HttpStatus.OK);
        }
        if (SignedIn.residentNik().isPresent()) {
            ModelAndView page = new ModelAndView("masuk-warga");
            page.setStatus(HttpStatus.FORBIDDEN);
            return page;
        }
        if (current.get().isPresent()) {
            return Redirects.seeOther(Redirects.localPath(next, "/petugas"));
        }
        if (failed != null) {
            ModelAndView page = new ModelAndView("masuk-gagal");
            page.setStatus(HttpStatus.UNAUTHORIZED);
            return page;
        }
        if (next != null) {
            session.setAttribute(PortalSecurity.NEXT, Redirects.localPath(next, "/petugas"));
        }
        return Redirects.seeOther(PortalSecurity.SIGN_IN);
    }

    @PostMapping("/masuk")
    ModelAndView signIn(@RequestParam(name = "petugas", required = false) String id,
            @RequestParam(name = "lanjut", required = false) String next) {
        if (identity.enabled()) { // no picking who you are once people sign in for real
            return Redirects.seeOther("/masuk");
        }
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
