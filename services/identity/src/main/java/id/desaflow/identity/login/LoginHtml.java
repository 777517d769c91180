package id.desaflow.identity.login;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.util.HtmlUtils;

/** The one skeleton of the sign-in pages: plain HTML, labelled fields, large targets, readable on a cheap phone. */
final class LoginHtml {

    private static final String STYLE = "body{font-family:system-ui,sans-serif;background:#f7f7f2;color:#1d1d1b;"
            + "max-width:28rem;margin:2rem auto;padding:0 1rem}label{display:block;margin-top:1rem;font-weight:600}"
            + "input{width:100%;padding:.6rem;font-size:1.1rem;border:1px solid #555;border-radius:4px;"
            + "box-sizing:border-box}button{margin-top:1.5rem;padding:.7rem 1.5rem;font-size:1.1rem;"
            + "background:#1b5e20;color:#fff;border:0;border-radius:4px}.error{color:#8b0000;font-weight:600}"
            + "a{color:#0b4f9c}";

    static String page(String title, String main) {
        return "<!DOCTYPE html>\n<html lang=\"id\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + HtmlUtils.htmlEscape(title) + " · DesaFlow</title><style>" + STYLE + "</style></head>"
                + "<body><main><h1>" + HtmlUtils.htmlEscape(title) + "</h1>" + main + "</main></body></html>";
    }

    /** The CSRF field every form of these pages carries. */
    static String csrf(HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return csrf == null ? "" : "<input type=\"hidden\" name=\"" + csrf.getParameterName() + "\" value=\""
                + HtmlUtils.htmlEscape(csrf.getToken()) + "\">";
    }

    static String alert(String message) {
        return "<p role=\"alert\" class=\"error\">" + message + "</p>";
    }

    private LoginHtml() {
    }
}
