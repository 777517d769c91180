package id.desaflow.platform.security;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;

/** The actor of the current request, for code below the controllers (a service's {@code CurrentActor} seam). */
public final class Actors {

    /** Empty for anonymous callers of public paths (and where the kit is not switched on). */
    public static Optional<Actor> current() {
        return authentication().map(ActorAuthentication::actor);
    }

    /** The actor, or 401 problem+json when nobody signed in. */
    public static Actor required() {
        return current().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Belum masuk"));
    }

    /** The caller's token, to relay it as {@code Authorization: Bearer <token>} to another service. */
    public static Optional<String> bearerToken() {
        return authentication().map(ActorAuthentication::token); // empty in open mode: nothing to relay
    }

    private static Optional<ActorAuthentication> authentication() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof ActorAuthentication actor ? Optional.of(actor) : Optional.empty();
    }

    private Actors() {
    }
}
