package id.desaflow.approval.inbox;

import id.desaflow.platform.web.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * Who acts on a task. The one seam to swap for the OAuth2 token's subject; until then the header
 * {@code X-DesaFlow-User} (default "demo"). Never taken from a request body.
 */
@Component
class CurrentActor {
    static final String HEADER = "X-DesaFlow-User";
    private static final int MAX_LENGTH = 120;
    private final HttpServletRequest request;

    CurrentActor(HttpServletRequest request) {
        this.request = request;
    }

    String name() {
        String user = request.getHeader(HEADER);
        if (user == null || user.isBlank()) {
            return "demo";
        }
        if (user.length() > MAX_LENGTH) {
            throw new InvalidInputException(HEADER, "Nama pengguna paling banyak " + MAX_LENGTH + " karakter");
        }
        return user.strip();
    }
}
