package id.desaflow.portal.officials;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who is acting, as told to the services in {@code X-DesaFlow-User}. The one seam to swap for the signed-in
 * official's token once the identity service exists; until then every official is the demo user.
 */
@Component
class CurrentOfficial {
    static final String HEADER = "X-DesaFlow-User";

    private final String demoUser;

    CurrentOfficial(@Value("${desaflow.portal.demo-official:demo}") String demoUser) {
        this.demoUser = demoUser;
    }

    String userId() {
        return demoUser;
    }
}
