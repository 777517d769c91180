package id.desaflow.portal.application;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Component;
import org.springframework.web.util.WebUtils;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The drafts of this browser's session, by key. Only a few are kept (the oldest go first), so a forgotten tab cannot
 * pile documents up in memory; the session's own timeout drops the rest.
 */
@Component
public class Drafts {
    private static final String ATTRIBUTE = Drafts.class.getName();
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9-]{8,64}");
    private static final int KEEP = 3;

    private final HttpServletRequest request; // a proxy to the current request

    Drafts(HttpServletRequest request) {
        this.request = request;
    }

    /** A fresh key for a form being shown: one key, one request at intake. */
    public static String newKey() {
        return UUID.randomUUID().toString();
    }

    public static boolean validKey(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    public Optional<Draft> find(String key) {
        HttpSession session = request.getSession(false);
        if (session == null || !validKey(key)) {
            return Optional.empty();
        }
        synchronized (WebUtils.getSessionMutex(session)) {
            return Optional.ofNullable(drafts(session).get(key));
        }
    }

    public void save(Draft draft) {
        HttpSession session = request.getSession();
        synchronized (WebUtils.getSessionMutex(session)) {
            Map<String, Draft> drafts = drafts(session);
            drafts.remove(draft.key());
            drafts.put(draft.key(), draft);
            while (drafts.size() > KEEP) {
                drafts.remove(drafts.keySet().iterator().next());
            }
            session.setAttribute(ATTRIBUTE, drafts);
        }
    }

    /** Keeps only what a repeated "Kirim" needs: the tracking code; the documents are let go. */
    public void markSubmitted(Draft draft, String trackingCode) {
        save(new Draft(draft.key(), draft.letterType(), Map.of(), Map.of(), java.util.Set.of(), null)
                .submittedAs(trackingCode));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Draft> drafts(HttpSession session) {
        Object value = session.getAttribute(ATTRIBUTE);
        return value instanceof LinkedHashMap<?, ?> map ? (Map<String, Draft>) map : new LinkedHashMap<>();
    }
}
