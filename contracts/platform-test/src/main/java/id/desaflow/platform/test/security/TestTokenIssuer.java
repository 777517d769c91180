package id.desaflow.platform.test.security;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/**
 * Points a {@code @SpringBootTest}'s resource server at {@link TestTokens#shared()} (sets
 * {@code desaflow.security.issuer-uri}), so tokens minted in the test are validated for real: JWKS over HTTP,
 * signature, issuer, expiry, DesaFlow claims.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ContextConfiguration(initializers = TestTokenIssuer.Initializer.class)
public @interface TestTokenIssuer {

    class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testTokenIssuer",
                    Map.of("desaflow.security.issuer-uri", TestTokens.shared().issuer())));
        }
    }
}
