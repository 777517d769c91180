package id.desaflow.portal.workflows;

import id.desaflow.portal.signin.CurrentOfficial;
import id.desaflow.portal.signin.Official;
import id.desaflow.portal.web.PageRefusal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Only village and kecamatan administrators redesign approval chains. The portal refuses others before asking the
 * service (which checks again); only the kecamatan administrator changes a chain for every village.
 */
@Component
class Administrators {
    static final String ADMIN_KECAMATAN = "admin-kecamatan";

    private final CurrentOfficial officials;

    Administrators(CurrentOfficial officials) {
        this.officials = officials;
    }

    /** The signed-in administrator; nobody signed in goes to "Masuk sebagai", any other official is refused. */
    Official require() {
        Official official = officials.require();
        if (!official.administrator()) {
            throw new NotAnAdministrator();
        }
        return official;
    }

    static boolean forAllVillages(Official official) {
        return ADMIN_KECAMATAN.equals(official.role());
    }

    /**
     * The village a change applies to: "semua" (every village, null) only for the kecamatan administrator,
     * otherwise the administrator's own village.
     */
    static String village(Official official, String scope) {
        return "semua".equals(scope) && forAllVillages(official) ? null : official.villageCode();
    }

    static class NotAnAdministrator extends PageRefusal {
        NotAnAdministrator() {
            super(HttpStatus.FORBIDDEN, "workflows.forbidden", "approval chains are for administrators only");
        }
    }
}
