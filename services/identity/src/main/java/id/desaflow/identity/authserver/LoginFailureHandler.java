package id.desaflow.identity.authserver;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

import java.io.IOException;

/** Back to the page the person used (petugas or warga); the reason is a code, never the typed NIK/username. */
class LoginFailureHandler implements AuthenticationFailureHandler {

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        String page = "warga".equals(request.getParameter("form")) ? "/login/warga" : "/login";
        String reason = exception instanceof LockedException ? "locked" : "invalid";
        response.sendRedirect(request.getContextPath() + page + "?error=" + reason);
    }
}
