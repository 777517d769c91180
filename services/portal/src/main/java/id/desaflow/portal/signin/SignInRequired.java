package id.desaflow.portal.signin;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/** An officials' page was opened without an official: go and pick one, then come back. */
public class SignInRequired extends RuntimeException {
    SignInRequired() {
        super("an official must sign in first", null, false, false);
    }

    @ControllerAdvice(annotations = Controller.class)
    static class Handler {
        @ExceptionHandler(SignInRequired.class)
        ModelAndView signIn(HttpServletRequest request) {
            // back to the same page after signing in; a form post cannot be replayed, so it returns to its page
            String back = "GET".equals(request.getMethod()) ? request.getRequestURI()
                    + (request.getQueryString() == null ? "" : "?" + request.getQueryString()) : "/petugas";
            return id.desaflow.portal.web.Redirects.seeOther(UriComponentsBuilder.fromPath("/masuk")
                    .queryParam("lanjut", "{next}").encode().buildAndExpand(back).toUriString());
        }
    }
}
