package id.desaflow.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.StringUtils;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Makes a service an OAuth2 resource server for the identity service's tokens, once it has Spring Security
 * ({@code spring-boot-starter-oauth2-resource-server}) AND {@code desaflow.security.issuer-uri} (or
 * {@code jwk-set-uri}). With the starter but without the property, everything stays open as before (with a
 * warning), so a service can take the dependency first and be switched on by configuration.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration"})
@ConditionalOnClass({SecurityFilterChain.class, JwtDecoder.class, BearerTokenAuthenticationEntryPoint.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ResourceServerAutoConfiguration {
    private static final Logger log = LoggerFactory.getLogger(ResourceServerAutoConfiguration.class);

    /** Always anonymous: probes and scraping must work without tokens; {@code /error} renders refusals. */
    static final List<String> OPERATIONAL_PATHS = List.of("/actuator/health", "/actuator/health/**",
            "/actuator/info", "/actuator/prometheus", "/error");
    static final List<String> API_DOCS_PATHS = List.of("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
            "/swagger-ui/**");

    @Configuration(proxyBeanMethods = false)
    @Conditional(IssuerConfigured.class)
    @EnableConfigurationProperties(ResourceServerProperties.class)
    @EnableMethodSecurity
    @Import(AccessDeniedAdvice.class)
    static class Enabled {

        @Bean
        @ConditionalOnMissingBean
        JwtDecoder desaflowJwtDecoder(ResourceServerProperties properties, RestTemplateBuilder rest) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.effectiveJwkSetUri())
                    .jwsAlgorithm(SignatureAlgorithm.RS256)
                    // a hung identity service must not hang every request thread
                    .restOperations(rest.connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(5))
                            .build())
                    .build();
            decoder.setJwtValidator(validator(properties));
            return decoder;
        }

        static OAuth2TokenValidator<Jwt> validator(ResourceServerProperties properties) {
            List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
            validators.add(new JwtTimestampValidator(properties.clockSkew()));
            // JwtTimestampValidator accepts a token without exp: a token that never expires is refused here
            validators.add(new JwtClaimValidator<>(JwtClaimNames.EXP, Objects::nonNull));
            if (properties.checksIssuer()) {
                validators.add(new JwtIssuerValidator(properties.issuerUri()));
            }
            if (!properties.audiences().isEmpty()) {
                validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        aud -> aud != null && aud.stream().anyMatch(properties.audiences()::contains)));
            }
            validators.add(ActorJwtConverter.validator());
            return new DelegatingOAuth2TokenValidator<>(validators);
        }

        @Bean
        SecurityProblems desaflowSecurityProblems(ObjectMapper json) {
            return new SecurityProblems(json);
        }

        @Bean
        @Order(SecurityProperties.BASIC_AUTH_ORDER)
        SecurityFilterChain desaflowResourceServer(HttpSecurity http, ResourceServerProperties properties,
                JwtDecoder decoder, SecurityProblems problems, ObjectProvider<ResourceServerRules> serviceRules)
                throws Exception {
            List<RequestMatcher> anonymous = new ArrayList<>();
            OPERATIONAL_PATHS.forEach(p -> anonymous.add(matcher(p)));
            if (properties.apiDocsPublic()) {
                API_DOCS_PATHS.forEach(p -> anonymous.add(matcher(p)));
            }
            properties.publicPaths().forEach(p -> anonymous.add(matcher(p)));
            http.csrf(c -> c.disable()) // bearer tokens only: no cookie a foreign page could make the browser send
                    .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .requestCache(c -> c.disable())
                    .formLogin(f -> f.disable())
                    .httpBasic(b -> b.disable())
                    .logout(l -> l.disable())
                    .authorizeHttpRequests(rules -> {
                        rules.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll();
                        rules.requestMatchers(anonymous.toArray(RequestMatcher[]::new)).permitAll();
                        serviceRules.orderedStream().forEach(r -> r.configure(rules));
                        rules.anyRequest().authenticated();
                    })
                    .oauth2ResourceServer(o -> o
                            .jwt(j -> j.decoder(decoder).jwtAuthenticationConverter(new ActorJwtConverter()))
                            .authenticationEntryPoint(problems)
                            .accessDeniedHandler(problems))
                    .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
            log.info("Resource server on: tokens from {}, anonymous paths {}",
                    properties.checksIssuer() ? properties.issuerUri() : properties.effectiveJwkSetUri(),
                    properties.publicPaths());
            return http.build();
        }

        /** {@code /path/**} for every method, {@code GET /path/**} for one. */
        static RequestMatcher matcher(String spec) {
            String trimmed = spec.trim();
            int space = trimmed.indexOf(' ');
            if (space > 0) {
                return PathPatternRequestMatcher.withDefaults().matcher(
                        HttpMethod.valueOf(trimmed.substring(0, space)), trimmed.substring(space + 1).trim());
            }
            return PathPatternRequestMatcher.withDefaults().matcher(trimmed);
        }
    }

    /** Spring Security present, resource server not configured: today's open behaviour, said out loud. */
    @Configuration(proxyBeanMethods = false)
    @Conditional(IssuerNotConfigured.class)
    @Import(AccessDeniedAdvice.class) // the services' own refusals are 401/403 problems in open mode too
    static class Open {
        @Bean
        @ConditionalOnMissingBean(SecurityFilterChain.class)
        SecurityFilterChain desaflowOpen(HttpSecurity http) throws Exception {
            log.warn("desaflow.security.issuer-uri is not set: every endpoint is open without sign-in, and the caller "
                    + "names the actor in X-DesaFlow-User / X-DesaFlow-Groups (local development only)");
            return http.csrf(c -> c.disable())
                    .addFilterBefore(new HeaderActorFilter(), AnonymousAuthenticationFilter.class)
                    .authorizeHttpRequests(rules -> rules.anyRequest().permitAll())
                    .build();
        }
    }

    static boolean configured(ConditionContext context) {
        return StringUtils.hasText(context.getEnvironment().getProperty("desaflow.security.issuer-uri"))
                || StringUtils.hasText(context.getEnvironment().getProperty("desaflow.security.jwk-set-uri"));
    }

    static class IssuerConfigured extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return configured(context) ? ConditionOutcome.match("desaflow.security issuer or JWKS set")
                    : ConditionOutcome.noMatch("no desaflow.security.issuer-uri / jwk-set-uri");
        }
    }

    static class IssuerNotConfigured extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return configured(context) ? ConditionOutcome.noMatch("desaflow.security issuer or JWKS set")
                    : ConditionOutcome.match("no desaflow.security.issuer-uri / jwk-set-uri");
        }
    }
}
