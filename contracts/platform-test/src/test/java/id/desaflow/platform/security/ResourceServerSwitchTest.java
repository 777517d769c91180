package id.desaflow.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.web.client.RestTemplateAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/** When the kit switches on, and that it stays out of the way otherwise. */
class ResourceServerSwitchTest {
    private final WebApplicationContextRunner runner = new WebApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(ResourceServerAutoConfiguration.class, SecurityAutoConfiguration.class,
                    JacksonAutoConfiguration.class, RestTemplateAutoConfiguration.class));

    @Test
    void issuerSetMakesAResourceServer() {
        runner.withPropertyValues("desaflow.security.issuer-uri=http://127.0.0.1:9/").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(JwtDecoder.class)
                    .hasBean("desaflowResourceServer").doesNotHaveBean("desaflowOpen")
                    .hasSingleBean(AccessDeniedAdvice.class);
            assertThat(context.getBean(ResourceServerProperties.class).effectiveJwkSetUri())
                    .isEqualTo("http://127.0.0.1:9/oauth2/jwks");
        });
    }

    @Test
    void jwkSetUriAloneIsEnough() {
        runner.withPropertyValues("desaflow.security.jwk-set-uri=http://127.0.0.1:9/keys").run(context ->
                assertThat(context).hasNotFailed().hasBean("desaflowResourceServer"));
    }

    @Test
    void withoutIssuerEverythingStaysOpenAsBefore() {
        runner.run(context -> assertThat(context).hasNotFailed().hasBean("desaflowOpen")
                .doesNotHaveBean(JwtDecoder.class).doesNotHaveBean("desaflowResourceServer"));
    }

    @Test
    void withoutSpringSecurityTheKitIsInert() {
        runner.withClassLoader(new FilteredClassLoader("org.springframework.security"))
                .withPropertyValues("desaflow.security.issuer-uri=http://127.0.0.1:9")
                .run(context -> assertThat(context).hasNotFailed()
                        .doesNotHaveBean("desaflowResourceServer").doesNotHaveBean("desaflowOpen")
                        .doesNotHaveBean(ResourceServerProperties.class));
    }

    @Test
    void aServiceWithItsOwnChainsKeepsThem() {
        runner.withUserConfiguration(OwnChain.class).run(context -> assertThat(context).hasNotFailed()
                .hasBean("ownChain").doesNotHaveBean("desaflowOpen"));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnChain {
        @Bean
        SecurityFilterChain ownChain(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(a -> a.anyRequest().authenticated()).build();
        }
    }
}
