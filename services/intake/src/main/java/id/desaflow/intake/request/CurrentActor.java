package id.desaflow.intake.request;

import id.desaflow.platform.web.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * Who acts, and so through which channel: the one seam to swap for the OAuth2 resource server's JWT (subject, and
 * an operator role meaning COUNTER). Until then it trusts two headers; identity never comes from request bodies.
 */
@Component
class CurrentActor {
    static final String USER_HEADER = "X-DesaFlow-User";
    static final String CHANNEL_HEADER = "X-DesaFlow-Channel";

    private final HttpServletRequest request; // a proxy to the current request

    CurrentActor(HttpServletRequest request) {
        this.request = request;
    }

    String id() {
        String user = request.getHeader(USER_HEADER);
        return user == null || user.isBlank() ? "demo" : user.strip();
    }

    Channel channel() {
        String channel = request.getHeader(CHANNEL_HEADER);
        if (channel == null || channel.isBlank()) {
            return Channel.ONLINE;
        }
        try {
            return Channel.valueOf(channel.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(CHANNEL_HEADER, "Saluran harus ONLINE atau COUNTER");
        }
    }
}
