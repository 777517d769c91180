package id.desaflow.verification.registry;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * Who is acting on the registry. The one seam to swap for the OAuth2 resource server's JWT subject later; until then
 * the header {@code X-DesaFlow-User} (default "demo"). Never taken from a request body.
 */
@Component
class CurrentActor {
    static final String HEADER = "X-DesaFlow-User";

    private final HttpServletRequest request;

    CurrentActor(HttpServletRequest request) {
        this.request = request;
    }

    String name() {
        String user = request.getHeader(HEADER);
        return user == null || user.isBlank() ? "demo" : user.strip();
    }
}
