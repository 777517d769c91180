package id.desaflow.portal.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.io.IOException;
import java.util.Optional;

/**
 * The pages call the services as the person signed in: their access token (refreshed when it has expired) goes
 * along as {@code Authorization: Bearer}, and the open-mode actor headers the pages set are dropped, since with
 * tokens on only the token says who acts. A visitor who has not signed in calls as nobody (status look-ups, the
 * catalogue). In open mode (no identity service) requests pass unchanged.
 */
@Component
public class TokenRelay implements ClientHttpRequestInterceptor {
    private static final String USER_HEADER = CurrentOfficial.USER_HEADER;
    private static final String GROUPS_HEADER = CurrentOfficial.GROUPS_HEADER;

    private final ObjectProvider<OAuth2AuthorizedClientManager> clients;

    TokenRelay(ObjectProvider<OAuth2AuthorizedClientManager> clients) {
        this.clients = clients;
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        OAuth2AuthorizedClientManager manager = clients.getIfAvailable();
        if (manager != null) {
            request.getHeaders().remove(USER_HEADER);
            request.getHeaders().remove(GROUPS_HEADER);
            accessToken(manager).ifPresent(token -> request.getHeaders().setBearerAuth(token));
        }
        return execution.execute(request, body);
    }

    private static Optional<String> accessToken(OAuth2AuthorizedClientManager manager) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof OAuth2AuthenticationToken token)
                || !(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes page)) {
            return Optional.empty();
        }
        OAuth2AuthorizeRequest authorize = OAuth2AuthorizeRequest
                .withClientRegistrationId(token.getAuthorizedClientRegistrationId())
                .principal(token)
                .attribute(HttpServletRequest.class.getName(), page.getRequest())
                .attribute(HttpServletResponse.class.getName(), page.getResponse())
                .build();
        OAuth2AuthorizedClient client;
        try {
            client = manager.authorize(authorize);
        } catch (OAuth2AuthorizationException expired) {
            // the sign-in ran out (refresh refused, e.g. identity forgot it): sign out here and sign in again
            SecurityContextHolder.clearContext();
            var session = page.getRequest().getSession(false);
            if (session != null) {
                session.invalidate();
            }
            throw new SignInRequired();
        }
        return client == null ? Optional.empty()
                : Optional.of(client.getAccessToken().getTokenValue());
    }
}
