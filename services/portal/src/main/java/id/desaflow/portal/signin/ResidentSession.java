package id.desaflow.portal.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Component;
import org.springframework.web.util.WebUtils;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The requests this browser has shown it may act on: it submitted them, or typed the applicant's NIK and intake
 * agreed. Until residents sign in (NIK + PIN, identity service) this is the seam that says "this is the resident",
 * told to intake as {@code X-DesaFlow-User: nik:<NIK>}. Nothing is kept for visitors who only look at a status.
 */
@Component
public class ResidentSession {
    private static final String ATTRIBUTE = ResidentSession.class.getName();
    private static final int KEEP = 20;

    private final HttpServletRequest request; // a proxy to the current request

    ResidentSession(HttpServletRequest request) {
        this.request = request;
    }

    /** The actor header value for a resident's NIK. */
    public static String actor(String nik) {
        return "nik:" + nik;
    }

    /** The NIK of the resident signed in at the identity service, if one is. */
    public Optional<String> signedInNik() {
        return SignedIn.residentNik();
    }

    public void remember(String trackingCode, String nik) {
        HttpSession session = request.getSession();
        synchronized (WebUtils.getSessionMutex(session)) {
            Map<String, String> owned = owned(session);
            owned.remove(key(trackingCode));
            owned.put(key(trackingCode), nik);
            while (owned.size() > KEEP) {
                owned.remove(owned.keySet().iterator().next());
            }
            session.setAttribute(ATTRIBUTE, owned);
        }
    }

    public Optional<String> nikFor(String trackingCode) {
        // a resident signed in with NIK + PIN is that NIK everywhere; intake decides whether the request is theirs
        Optional<String> signedIn = signedInNik();
        if (signedIn.isPresent()) {
            return signedIn;
        }
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        synchronized (WebUtils.getSessionMutex(session)) {
            return Optional.ofNullable(owned(session).get(key(trackingCode)));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> owned(HttpSession session) {
        Object value = session.getAttribute(ATTRIBUTE);
        return value instanceof LinkedHashMap<?, ?> map ? (Map<String, String>) map : new LinkedHashMap<>();
    }

    private static String key(String trackingCode) {
        return trackingCode.strip().toUpperCase(Locale.ROOT);
    }
}
