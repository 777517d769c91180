package id.desaflow.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.filter.OrderedCharacterEncodingFilter;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;

/**
 * UTF-8 for the pages' form posts, but hands off relayed API calls: a request encoding set here would make Spring
 * append "; charset=UTF-8" to the Content-Type the gateway forwards. Replaces Boot's catch-all encoding filter.
 */
@Component
class PageEncodingFilter extends OrderedCharacterEncodingFilter {
    PageEncodingFilter() {
        setEncoding(StandardCharsets.UTF_8.name());
        setForceRequestEncoding(true);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }
}
