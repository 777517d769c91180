package id.desaflow.platform.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Collection;

/**
 * A validated token turned into its {@link Actor}. Controllers take the actor with
 * {@code @AuthenticationPrincipal Actor actor}; each role is also an authority {@code ROLE_<role>} (so
 * {@code hasRole('kades')} works), and {@link #token()} is the raw JWT for relaying to another service.
 */
public class ActorAuthentication extends AbstractAuthenticationToken {
    private final Actor actor;
    private final Jwt jwt;

    /** @param jwt the validated token; null only in open mode, where {@link HeaderActorFilter} names the actor */
    public ActorAuthentication(Actor actor, Jwt jwt) {
        super(authorities(actor));
        this.actor = actor;
        this.jwt = jwt;
        setAuthenticated(true);
    }

    private static Collection<GrantedAuthority> authorities(Actor actor) {
        return actor.roles().stream().<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
    }

    public Actor actor() {
        return actor;
    }

    public Jwt jwt() {
        return jwt;
    }

    /** The compact JWT, for an {@code Authorization: Bearer} header towards another DesaFlow service. */
    public String token() {
        return jwt == null ? null : jwt.getTokenValue();
    }

    @Override
    public Object getPrincipal() {
        return actor;
    }

    @Override
    public Object getCredentials() {
        return token();
    }

    /** The subject, never a NIK: this is what Spring writes into logs and audit events. */
    @Override
    public String getName() {
        return actor.userId();
    }
}
