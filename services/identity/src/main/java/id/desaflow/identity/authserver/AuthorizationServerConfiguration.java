package id.desaflow.identity.authserver;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import id.desaflow.identity.account.Accounts;
import id.desaflow.identity.login.FirstSignIn;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.desaflow.platform.security.Actor;
import id.desaflow.platform.security.ActorJwtConverter;
import id.desaflow.platform.security.SecurityProblems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** OpenID Connect provider: endpoints, clients, signing key and the DesaFlow claims in every token. */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
        http.securityMatcher(server.getEndpointsMatcher())
                .with(server, s -> s.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .oauth2ResourceServer(r -> r.jwt(Customizer.withDefaults()));
        return http.build();
    }

    /**
     * The admin API is a resource server for this service's own tokens, with the platform kit's pieces: the
     * DesaFlow claim checks, the token as an {@link Actor}, 401/403 as problem+json.
     */
    @Bean
    @Order(2)
    SecurityFilterChain apiChain(HttpSecurity http, JwtDecoder decoder, ObjectMapper json) throws Exception {
        SecurityProblems problems = new SecurityProblems(json);
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable()) // bearer tokens only, no cookies
                .oauth2ResourceServer(r -> r
                        .jwt(j -> j.decoder(decoder).jwtAuthenticationConverter(new ActorJwtConverter()))
                        .authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain loginChain(HttpSecurity http, FirstSignIn firstSignIn) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/login/**", "/error", "/actuator/health/**",
                                "/actuator/prometheus", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html",
                                "/login.css").permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").successHandler(firstSignIn)
                        .failureHandler(new LoginFailureHandler()));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(@Value("${desaflow.identity.key-dir:./data/identity}") Path keyDir) {
        return new ImmutableJWKSet<>(new JWKSet(SigningKey.loadOrCreate(keyDir)));
    }

    /** Our own key, no HTTP round trip; the same expiry and DesaFlow-claim checks as every other service. */
    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
        JwtDecoder decoder = OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
        ((NimbusJwtDecoder) decoder).setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(Duration.ofSeconds(30)), ActorJwtConverter.validator()));
        return decoder;
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(
            @Value("${desaflow.identity.issuer:}") String issuer) {
        AuthorizationServerSettings.Builder b = AuthorizationServerSettings.builder();
        // empty: the issuer follows the host the request came in on (fine locally; set it behind a proxy)
        return issuer.isBlank() ? b.build() : b.issuer(issuer).build();
    }

    @Bean
    RegisteredClientRepository clients(PasswordEncoder encoder,
            @Value("${desaflow.identity.portal.redirect-uri:http://localhost:8080/login/oauth2/code/desaflow}") String portalRedirect,
            @Value("${desaflow.identity.portal.secret:portal-secret}") String portalSecret) {
        TokenSettings tokens = TokenSettings.builder().accessTokenTimeToLive(Duration.ofMinutes(15))
                .refreshTokenTimeToLive(Duration.ofHours(8)).reuseRefreshTokens(false).build();
        RegisteredClient portal = RegisteredClient.withId("portal").clientId("portal")
                .clientSecret(encoder.encode(portalSecret))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri(portalRedirect)
                // "Keluar" in the portal ends the sign-in here too (a shared office computer), then returns home
                .postLogoutRedirectUri(URI.create(portalRedirect).resolve("/").toString())
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(tokens)
                .build();
        // scripts and system tests: same authorization code + PKCE flow, public client, loopback redirect
        RegisteredClient scripts = RegisteredClient.withId("desaflow-cli").clientId("desaflow-cli")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("http://127.0.0.1:8765/callback")
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(tokens)
                .build();
        return new InMemoryRegisteredClientRepository(portal, scripts);
    }

    /** The DesaFlow claims (see {@link Actor#claims()}) in access and ID tokens; {@code sub} = account id. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> desaflowClaims(Accounts accounts) {
        return context -> {
            boolean access = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
            boolean id = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
            if (!(access || id) || context.getPrincipal() == null) {
                return;
            }
            accounts.findByLoginName(context.getPrincipal().getName()).ifPresent(a ->
                    a.actor().claims().forEach(context.getClaims()::claim));
        };
    }

}
