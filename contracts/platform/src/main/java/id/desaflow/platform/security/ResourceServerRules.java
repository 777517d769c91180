package id.desaflow.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's own path rules, applied by the kit before "everything else needs a signed-in actor", e.g. approval:
 * {@code rules -> rules.requestMatchers(PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**"))
 * .hasAnyRole(Roles.ADMIN_DESA, Roles.ADMIN_KECAMATAN)}. Ownership checks (own request, own village) belong in
 * the code that loads the data, with {@link Actor}, not here.
 */
@FunctionalInterface
public interface ResourceServerRules {
    void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);
}
