package id.desaflow.portal.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/** Post/Redirect/Get: after a form post the browser is sent on with 303, so reloading never re-submits. */
public final class Redirects {
    private Redirects() {
    }

    public static ModelAndView seeOther(String url) {
        RedirectView view = new RedirectView(url, true);
        view.setStatusCode(HttpStatus.SEE_OTHER);
        view.setExposeModelAttributes(false);
        return new ModelAndView(view);
    }

    /**
     * A "go back to" address taken from a form or query: only a path of this portal ("/petugas/tugas?x=1"), never
     * another site ("//evil.example", "https://..."), so the parameter cannot be used to send people elsewhere.
     */
    public static String localPath(String candidate, String fallback) {
        if (candidate == null || !candidate.startsWith("/") || candidate.startsWith("//")
                || candidate.startsWith("/\\") || candidate.length() > 500
                || candidate.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            return fallback;
        }
        return candidate;
    }
}
