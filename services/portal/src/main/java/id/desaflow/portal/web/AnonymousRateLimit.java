package id.desaflow.portal.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What anyone may do without signing in (follow a request by its tracking code, check a letter by its code, read the
 * catalogue) is limited per client address and minute, so tracking and verification codes cannot be guessed by
 * brute force. Above the limit: 429 with Retry-After (problem+json on the API, the error page otherwise). Signed-in
 * people and API callers with a token are not counted here: the services know who they are. Runs after Spring
 * Security, which has said by then whether someone is signed in.
 */
@Component
class AnonymousRateLimit extends OncePerRequestFilter {
    private static final List<String> LOOKUPS = List.of("/api/v1/requests/*", "/api/v1/public/**",
            "/api/v1/letter-types/**", "/api/v1/letter-types", "/lacak/*", "/verifikasi/*", "/verifikasi");
    private final AntPathMatcher paths = new AntPathMatcher();
    private final AuthenticationTrustResolverImpl trust = new AuthenticationTrustResolverImpl();
    private final Map<String, long[]> windows = new ConcurrentHashMap<>();
    private final int perMinute;
    private final Clock clock;

    @Autowired
    AnonymousRateLimit(@Value("${desaflow.portal.anonymous-lookups-per-minute:120}") int perMinute) {
        this(perMinute, Clock.systemUTC());
    }

    AnonymousRateLimit(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || signedIn() || LOOKUPS.stream().noneMatch(p -> paths.match(p, request.getRequestURI()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long minute = clock.millis() / 60_000;
        if (windows.size() > 10_000) {
            windows.values().removeIf(w -> w[0] != minute);
        }
        long[] window = windows.compute(request.getRemoteAddr(),
                (k, w) -> w == null || w[0] != minute ? new long[] {minute, 1} : new long[] {minute, w[1] + 1});
        if (window[1] <= perMinute) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, "60");
        if (request.getRequestURI().startsWith("/api/")) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getOutputStream().write(("{\"type\":\"https://desaflow.id/problems/too-many-requests\","
                    + "\"title\":\"Terlalu banyak permintaan\",\"status\":429,\"detail\":\"Terlalu banyak "
                    + "permintaan tanpa masuk dari alamat ini. Tunggu satu menit lalu coba lagi.\"}")
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
    }

    private boolean signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated() && !trust.isAnonymous(authentication);
    }
}
