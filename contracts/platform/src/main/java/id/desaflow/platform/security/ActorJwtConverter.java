package id.desaflow.platform.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Maps a validated JWT to an {@link ActorAuthentication}. Also usable as the token validator
 * ({@link #validator()}) so a malformed DesaFlow claim is refused as {@code invalid_token} before any code runs.
 */
public final class ActorJwtConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        try {
            return new ActorAuthentication(ActorClaims.read(jwt.getClaims()), jwt);
        } catch (ActorClaims.InvalidClaims e) {
            throw new OAuth2AuthenticationException(invalid(e));
        }
    }

    /** Refuses tokens whose DesaFlow claims are malformed (village code, NIK, roles, kecamatan villages). */
    public static OAuth2TokenValidator<Jwt> validator() {
        return jwt -> {
            try {
                ActorClaims.read(jwt.getClaims());
                return OAuth2TokenValidatorResult.success();
            } catch (ActorClaims.InvalidClaims e) {
                return OAuth2TokenValidatorResult.failure(invalid(e));
            }
        };
    }

    private static OAuth2Error invalid(ActorClaims.InvalidClaims e) {
        return new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "DesaFlow claims refused: " + e.getMessage(), null);
    }
}
