package id.desaflow.portal;

import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The pages' forms carry a CSRF token (Thymeleaf adds it to every {@code th:action} form); the page tests post as
 * such a form would, with a valid token. {@code CsrfTest} shows a post without one is refused.
 */
@TestConfiguration(proxyBeanMethods = false)
public class CsrfInEveryRequest {
    @Bean
    MockMvcBuilderCustomizer csrfInEveryRequest() {
        return builder -> builder.defaultRequest(MockMvcRequestBuilders.get("/").with(csrf()));
    }
}
