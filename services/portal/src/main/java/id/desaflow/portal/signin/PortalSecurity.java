package id.desaflow.portal.signin;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

import java.io.IOException;
import java.util.Map;

/**
 * Who may open which page, and how people sign in.
 * <ul>
 * <li>With the identity service ({@code desaflow.portal.identity.issuer-uri}): residents and officials sign in
 * there (authorization code + PKCE); the session keeps their tokens server-side (the cookie is HttpOnly and
 * SameSite=Lax, see application.yml). Officials' pages and a resident's own pages need a sign-in; the catalogue,
 * the status by tracking code and the letter check stay anonymous.</li>
 * <li>Without it (local open mode): every page is open and officials pick who they are in "Masuk sebagai".</li>
 * </ul>
 * Forms carry a CSRF token in both modes; {@code /api/**} is the services' API relayed unchanged (bearer tokens,
 * no cookies), so it has none.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityProperties.class)
class PortalSecurity {
    static final String SIGN_IN = "/oauth2/authorization/" + IdentityProperties.REGISTRATION;
    /** Where a sign-in started from "/masuk?lanjut=..." returns to. */
    static final String NEXT = PortalSecurity.class.getName() + ".next";
    private static final Logger log = LoggerFactory.getLogger(PortalSecurity.class);
    private static final String[] OFFICIAL_PAGES = {"/petugas", "/petugas/**", "/loket", "/loket/**", "/admin/**"};
    private static final String[] RESIDENT_PAGES = {"/surat/*/ajukan", "/surat/*/periksa", "/surat/*/kirim",
            "/lacak/*/konfirmasi", "/lacak/*/batalkan", "/lacak/*/perbaiki", "/lacak/*/pemberitahuan",
            "/lacak/*/surat", "/permohonan-saya"};

    @Bean
    SecurityFilterChain pages(HttpSecurity http, IdentityProperties identity,
            ObjectProvider<ClientRegistrationRepository> registrations)
            throws Exception {
        http.csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"));
        if (!identity.enabled()) {
            log.warn("desaflow.portal.identity.issuer-uri is not set: no sign-in, officials pick who they are in "
                    + "'Masuk sebagai' (local development only)");
            return http.authorizeHttpRequests(a -> a.anyRequest().permitAll())
                    .logout(l -> l.disable())
                    .build();
        }
        DefaultOAuth2AuthorizationRequestResolver pkce = new DefaultOAuth2AuthorizationRequestResolver(
                registrations.getObject(), "/oauth2/authorization");
        pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        OidcClientInitiatedLogoutSuccessHandler signedOut = new OidcClientInitiatedLogoutSuccessHandler(
                registrations.getObject());
        signedOut.setPostLogoutRedirectUri("{baseUrl}/");
        return http
                .authorizeHttpRequests(a -> a
                        .requestMatchers(OFFICIAL_PAGES).authenticated()
                        .requestMatchers(RESIDENT_PAGES).authenticated()
                        .anyRequest().permitAll())
                .oauth2Login(o -> o.loginPage("/masuk")
                        .authorizationEndpoint(e -> e.authorizationRequestResolver(pkce))
                        .successHandler(new SignedInHandler())
                        .failureHandler(new SimpleUrlAuthenticationFailureHandler("/masuk?gagal")))
                .logout(l -> l.logoutUrl("/keluar").logoutSuccessHandler(signedOut))
                .build();
    }

    @Bean
    @ConditionalOnProperty("desaflow.portal.identity.issuer-uri")
    ClientRegistrationRepository clientRegistrations(IdentityProperties identity) {
        String issuer = identity.issuer();
        // endpoints named rather than discovered: the portal starts whether or not identity is up yet
        ClientRegistration portal = ClientRegistration.withRegistrationId(IdentityProperties.REGISTRATION)
                .clientId(identity.clientId())
                .clientSecret(identity.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile")
                .issuerUri(issuer)
                .authorizationUri(issuer + "/oauth2/authorize")
                .tokenUri(issuer + "/oauth2/token")
                .jwkSetUri(issuer + "/oauth2/jwks")
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .providerConfigurationMetadata(Map.of("end_session_endpoint", issuer + "/connect/logout"))
                .clientName("Identitas DesaFlow")
                .build();
        log.info("Sign-in at {} (client {})", issuer, identity.clientId());
        return new InMemoryClientRegistrationRepository(portal);
    }

    @Bean
    @ConditionalOnProperty("desaflow.portal.identity.issuer-uri")
    OAuth2AuthorizedClientRepository authorizedClients() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    /** Hands out the signed-in person's access token, refreshing it with the refresh token once it expired. */
    @Bean
    @ConditionalOnProperty("desaflow.portal.identity.issuer-uri")
    OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientRepository authorizedClients) {
        DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations,
                authorizedClients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().authorizationCode()
                .refreshToken().build());
        return manager;
    }

    /** Back where the sign-in was asked for; else a resident to their requests, an official to their tasks. */
    static final class SignedInHandler extends SavedRequestAwareAuthenticationSuccessHandler {
        private final HttpSessionRequestCache savedRequests = new HttpSessionRequestCache();

        @Override
        public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                Authentication authentication) throws IOException, ServletException {
            HttpSession session = request.getSession(false);
            Object next = session == null ? null : session.getAttribute(NEXT);
            if (next instanceof String path) {
                session.removeAttribute(NEXT);
                getRedirectStrategy().sendRedirect(request, response, path);
                return;
            }
            if (savedRequests.getRequest(request, response) != null) {
                super.onAuthenticationSuccess(request, response, authentication);
                return;
            }
            boolean resident = authentication.getPrincipal() instanceof OAuth2User user && SignedIn.isResident(user);
            getRedirectStrategy().sendRedirect(request, response, resident ? "/permohonan-saya" : "/petugas");
        }
    }
}
