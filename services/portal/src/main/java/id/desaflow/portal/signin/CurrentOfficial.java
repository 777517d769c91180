package id.desaflow.portal.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Who is acting among the village's officials: the official signed in at the identity service (their token goes to
 * the services, see {@link TokenRelay}), or in local open mode the one chosen in the "Masuk sebagai" picker, told to
 * the services as {@code X-DesaFlow-User} and {@code X-DesaFlow-Groups}.
 */
@Component
public class CurrentOfficial {
    public static final String USER_HEADER = "X-DesaFlow-User";
    public static final String GROUPS_HEADER = "X-DesaFlow-Groups";
    private static final String ATTRIBUTE = CurrentOfficial.class.getName();

    private final HttpServletRequest request; // a proxy to the current request

    CurrentOfficial(HttpServletRequest request) {
        this.request = request;
    }

    public Optional<Official> get() {
        Optional<Official> signedIn = SignedIn.official();
        if (signedIn.isPresent()) {
            return signedIn;
        }
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty()
                : Optional.ofNullable((Official) session.getAttribute(ATTRIBUTE));
    }

    /** The acting official; a page that needs one and has none sends the browser to "Masuk sebagai" first. */
    public Official require() {
        return get().orElseThrow(SignInRequired::new);
    }

    void signIn(Official official) {
        HttpSession session = request.getSession();
        request.changeSessionId(); // a new identity gets a new session id (no fixation)
        session.setAttribute(ATTRIBUTE, official);
    }

    void signOut() {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(ATTRIBUTE);
        }
    }

    /** The headers that tell a service who acts, for a RestClient call. */
    public static Consumer<HttpHeaders> headers(Official official) {
        return h -> {
            h.set(USER_HEADER, official.id());
            h.set(GROUPS_HEADER, official.groupsHeader());
        };
    }
}
