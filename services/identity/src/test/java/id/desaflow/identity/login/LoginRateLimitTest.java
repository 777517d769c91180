package id.desaflow.identity.login;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class LoginRateLimitTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T08:00:10Z"), ZoneOffset.UTC);

    @Test
    void theEleventhSignInPostOfAnIpWithinAMinuteIsA429Problem() throws Exception {
        LoginRateLimit limit = new LoginRateLimit(10, 3, clock, new ObjectMapper());
        for (int i = 0; i < 10; i++) {
            assertThat(post(limit, "/login", "10.0.0.1").getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse refused = post(limit, "/login", "10.0.0.1");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        assertThat(refused.getHeader("Retry-After")).isEqualTo("60");
        assertThat(refused.getContentAsString()).contains("\"type\":\"https://desaflow.id/problems/too-many-requests\"",
                "\"status\":429", "Terlalu banyak");
        assertThat(post(limit, "/login", "10.0.0.2").getStatus()).as("other clients unaffected").isEqualTo(200);
        assertThat(post(limit, "/login/warga/kode", "10.0.0.1").getStatus()).as("own quota for codes").isEqualTo(200);
    }

    @Test
    void codeRequestsHaveAFewPerMinuteOnlyAndTheWindowMoves() throws Exception {
        Clock[] now = {clock};
        LoginRateLimit limit = new LoginRateLimit(10, 3, new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0].instant();
            }
        }, new ObjectMapper());
        for (int i = 0; i < 3; i++) {
            assertThat(post(limit, "/login/warga/kode", "10.0.0.3").getStatus()).isEqualTo(200);
        }
        assertThat(post(limit, "/login/warga/kode", "10.0.0.3").getStatus()).isEqualTo(429);
        now[0] = Clock.offset(clock, java.time.Duration.ofMinutes(1));
        assertThat(post(limit, "/login/warga/kode", "10.0.0.3").getStatus()).isEqualTo(200);
    }

    @Test
    void pagesAndOtherMethodsAreNotCounted() throws Exception {
        LoginRateLimit limit = new LoginRateLimit(1, 1, clock, new ObjectMapper());
        for (int i = 0; i < 5; i++) {
            MockHttpServletRequest get = new MockHttpServletRequest("GET", "/login");
            MockHttpServletResponse response = new MockHttpServletResponse();
            limit.doFilter(get, response, new MockFilterChain());
            assertThat(response.getStatus()).isEqualTo(200);
        }
    }

    private static MockHttpServletResponse post(LoginRateLimit limit, String path, String ip) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setRemoteAddr(ip);
        MockHttpServletResponse response = new MockHttpServletResponse();
        limit.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
