package id.desaflow.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Refuses bodies over the limit: by Content-Length at once, and for chunked bodies as soon as the limit is passed
 * while reading. Multipart uploads have their own limits (spring.servlet.multipart.*). A few paths take larger
 * bodies (a registry CSV, a BPMN file): {@code desaflow.web.max-body-size-by-path} gives them their own limit, so
 * the small one stays for every other body.
 */
public class BodySizeLimitFilter extends OncePerRequestFilter {
    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private final long limit;
    private final Map<String, Long> limitByPath;
    private final ObjectMapper json;

    public BodySizeLimitFilter(long limit, ObjectMapper json) {
        this(limit, Map.of(), json);
    }

    /** @param limitByPath Ant-style path patterns (e.g. {@code /api/v1/workflows/*}{@code /deployments}) and their limit */
    public BodySizeLimitFilter(long limit, Map<String, Long> limitByPath, ObjectMapper json) {
        this.limit = limit;
        this.limitByPath = Collections.unmodifiableMap(new LinkedHashMap<>(limitByPath)); // first match wins
        this.json = json;
    }

    private long limitOf(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return limitByPath.entrySet().stream().filter(e -> PATHS.match(e.getKey(), path)).mapToLong(Map.Entry::getValue)
                .findFirst().orElse(limit);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type != null && type.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)) {
            chain.doFilter(request, response);
            return;
        }
        long limit = limitOf(request);
        if (request.getContentLengthLong() > limit) {
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), Problems.of(HttpStatus.PAYLOAD_TOO_LARGE,
                    "payload-too-large", "Data terlalu besar", new PayloadTooLargeException(limit).getMessage()));
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long limit;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0 && ++read > limit) {
                        throw new PayloadTooLargeException(limit);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buf, int off, int len) throws IOException {
                    int n = in.read(buf, off, len);
                    if (n > 0 && (read += n) > limit) {
                        throw new PayloadTooLargeException(limit);
                    }
                    return n;
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
