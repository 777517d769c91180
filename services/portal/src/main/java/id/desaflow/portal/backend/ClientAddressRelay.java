package id.desaflow.portal.backend;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.io.IOException;

/**
 * The services audit decisions with the address they came from; behind the portal that would always be the portal's
 * own. So a page's call to a service carries the browser's address as {@code X-Forwarded-For} (the services trust it
 * from internal proxies only). Calls outside a page (none today) pass unchanged.
 */
final class ClientAddressRelay implements ClientHttpRequestInterceptor {
    static final String HEADER = "X-Forwarded-For";

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes page) {
            HttpServletRequest browser = page.getRequest();
            request.getHeaders().set(HEADER, browser.getRemoteAddr());
        }
        return execution.execute(request, body);
    }
}
