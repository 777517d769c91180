package id.desaflow.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * {@code desaflow.security.*}: where tokens come from and which paths need none.
 *
 * @param issuerUri     the identity service's issuer (e.g. {@code http://localhost:8085}); tokens must carry it as
 *                      {@code iss}. Setting it (or {@code jwkSetUri}) switches the resource server on.
 * @param jwkSetUri     where the signing keys are published; default {@code <issuerUri>/oauth2/jwks}. Fetched at the
 *                      first token, not at start-up, so services start in any order.
 * @param publicPaths   anonymous paths besides health/info/prometheus (and API docs): {@code /api/v1/x/**} for every
 *                      method or {@code GET /api/v1/requests/*} for one method
 * @param clockSkew     tolerance for {@code exp}/{@code nbf} between the machines' clocks
 * @param audiences     when not empty, a token's {@code aud} must name one of these (the client ids)
 * @param apiDocsPublic whether /v3/api-docs and Swagger UI stay anonymous
 */
@ConfigurationProperties("desaflow.security")
public record ResourceServerProperties(String issuerUri, String jwkSetUri, @DefaultValue List<String> publicPaths,
        @DefaultValue("30s") Duration clockSkew, @DefaultValue List<String> audiences,
        @DefaultValue("true") boolean apiDocsPublic) {

    public String effectiveJwkSetUri() {
        if (jwkSetUri != null && !jwkSetUri.isBlank()) {
            return jwkSetUri;
        }
        return issuerUri.replaceAll("/+$", "") + "/oauth2/jwks";
    }

    public boolean checksIssuer() {
        return issuerUri != null && !issuerUri.isBlank();
    }
}
