package id.desaflow.verification.registry;

import id.desaflow.platform.web.BodySizeLimitFilter;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * The platform caps every /api body at 64 KB (JSON). A registry CSV is megabytes and is streamed, with its own
 * limit ({@code desaflow.registry.import.max-size}, checked by the controller): so a CSV POST to the import path
 * passes the JSON cap, every other request still meets it. Wraps the platform's filter registration instead of
 * raising the cap for all JSON bodies.
 */
@Component
class CsvImportBodyLimit implements BeanPostProcessor {
    private static final Pattern IMPORT_PATH = Pattern.compile("/api/v1/registry/[^/]+/imports");

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof FilterRegistrationBean<?> registration
                && registration.getFilter() instanceof BodySizeLimitFilter jsonLimit) {
            var exempting = new FilterRegistrationBean<Filter>(new ExemptCsvImports(jsonLimit));
            exempting.setOrder(registration.getOrder());
            exempting.setUrlPatterns(registration.getUrlPatterns());
            exempting.setName(beanName);
            return exempting;
        }
        return bean;
    }

    private record ExemptCsvImports(Filter jsonLimit) implements Filter {
        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            if (request instanceof HttpServletRequest http && "POST".equals(http.getMethod())
                    && IMPORT_PATH.matcher(http.getRequestURI()).matches() && isCsv(http.getContentType())) {
                chain.doFilter(request, response);
            } else {
                jsonLimit.doFilter(request, response, chain);
            }
        }

        private static boolean isCsv(String contentType) {
            return contentType != null && (contentType.startsWith(RegistryController.CSV_TYPES)
                    || contentType.startsWith("text/plain"));
        }
    }
}
