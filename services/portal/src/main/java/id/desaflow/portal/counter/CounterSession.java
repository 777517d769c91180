package id.desaflow.portal.counter;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Component;

import java.io.Serial;
import java.io.Serializable;
import java.util.Optional;

/**
 * The resident the counter official is serving right now, picked from the register (or typed in), and the last
 * search: a NIK or name searched for stays in the server-side session, never in a URL.
 */
@Component
class CounterSession {
    private static final String ATTRIBUTE = CounterSession.class.getName();
    private static final String SEARCH = ATTRIBUTE + ".search";

    private final HttpServletRequest request; // a proxy to the current request

    CounterSession(HttpServletRequest request) {
        this.request = request;
    }

    /**
     * {@code nik} is the full NIK only when the register returned it (searched by full NIK); otherwise blank and
     * {@code maskedNik} lets the official compare with the KTP in front of them while typing it.
     */
    record Chosen(String nik, String maskedNik, String name, String dusun, String rt, String rw)
            implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    Optional<Chosen> chosen() {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty() : Optional.ofNullable((Chosen) session.getAttribute(ATTRIBUTE));
    }

    void choose(Chosen resident) {
        request.getSession().setAttribute(ATTRIBUTE, resident);
    }

    void forget() {
        HttpSession session = request.getSession(false);
        if (session != null) { // the next resident starts fresh: the last one's search is not left on screen
            session.removeAttribute(ATTRIBUTE);
            session.removeAttribute(SEARCH);
        }
    }

    Optional<String> lastSearch() {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty() : Optional.ofNullable((String) session.getAttribute(SEARCH));
    }

    void searched(String query) {
        request.getSession().setAttribute(SEARCH, query);
    }
}
