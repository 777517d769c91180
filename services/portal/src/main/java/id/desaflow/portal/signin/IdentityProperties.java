package id.desaflow.portal.signin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * Where residents and officials sign in. With {@code issuer-uri} set (the launcher passes the identity service's
 * address) the portal is an OAuth2 client of it; without, it is the local open mode with the "Masuk sebagai"
 * picker, for development only.
 *
 * @param issuerUri    the identity service, as browsers and the portal reach it (e.g. http://localhost:8085)
 * @param clientId     the portal's client at the identity service
 * @param clientSecret its secret (confidential client; PKCE on top)
 */
@ConfigurationProperties("desaflow.portal.identity")
public record IdentityProperties(String issuerUri, String clientId, String clientSecret) {
    public static final String REGISTRATION = "desaflow";

    public IdentityProperties {
        clientId = StringUtils.hasText(clientId) ? clientId : "portal";
        clientSecret = StringUtils.hasText(clientSecret) ? clientSecret : "portal-secret";
    }

    public boolean enabled() {
        return StringUtils.hasText(issuerUri);
    }

    String issuer() {
        return issuerUri.endsWith("/") ? issuerUri.substring(0, issuerUri.length() - 1) : issuerUri;
    }
}
