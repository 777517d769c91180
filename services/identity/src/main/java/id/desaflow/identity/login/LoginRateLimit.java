package id.desaflow.identity.login;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.desaflow.platform.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per client IP and minute: at most {@code desaflow.identity.login-attempts-per-minute} sign-in POSTs (guessing a
 * 6-digit PIN must stay slow across accounts, not only per account) and at most
 * {@code desaflow.identity.code-requests-per-minute} one-time-code requests (each may send an SMS). Above: 429
 * problem+json with Retry-After. Runs before Spring Security, so a refused attempt costs no password hash.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class LoginRateLimit extends OncePerRequestFilter {

    static final String CODE_REQUEST = "/login/warga/kode";
    private final int signInsPerMinute;
    private final int codeRequestsPerMinute;
    private final Clock clock;
    private final ObjectMapper json;
    private final Map<String, long[]> windows = new ConcurrentHashMap<>();

    LoginRateLimit(@Value("${desaflow.identity.login-attempts-per-minute:10}") int signInsPerMinute,
            @Value("${desaflow.identity.code-requests-per-minute:3}") int codeRequestsPerMinute, Clock clock,
            ObjectMapper json) {
        this.signInsPerMinute = signInsPerMinute;
        this.codeRequestsPerMinute = codeRequestsPerMinute;
        this.clock = clock;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && request.getRequestURI().startsWith("/login"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean codeRequest = CODE_REQUEST.equals(request.getRequestURI());
        int limit = codeRequest ? codeRequestsPerMinute : signInsPerMinute;
        long minute = clock.millis() / 60_000;
        if (windows.size() > 10_000) {
            windows.values().removeIf(w -> w[0] != minute);
        }
        String key = (codeRequest ? "code|" : "sign-in|") + request.getRemoteAddr();
        long[] window = windows.compute(key,
                (k, w) -> w == null || w[0] != minute ? new long[] {minute, 1} : new long[] {minute, w[1] + 1});
        if (window[1] > limit) {
            ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
                    "Terlalu banyak permintaan", "Terlalu banyak percobaan. Tunggu satu menit lalu coba lagi.");
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", problem.getType().toString());
            body.put("title", problem.getTitle());
            body.put("status", problem.getStatus());
            body.put("detail", problem.getDetail());
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader("Retry-After", "60");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), body);
            return;
        }
        chain.doFilter(request, response);
    }
}
