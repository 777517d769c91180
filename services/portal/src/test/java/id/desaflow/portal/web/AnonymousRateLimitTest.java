package id.desaflow.portal.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Tracking and verification codes cannot be guessed by brute force without signing in. */
class AnonymousRateLimitTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-23T08:00:00Z"));
    private final AnonymousRateLimit limit = new AnonymousRateLimit(3, new Clock() {
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
            return now.get();
        }
    });

    @Test
    void aClientGuessingCodesIsToldToWaitAMinute() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(get("/api/v1/requests/SKU-AAAAA" + i, "10.0.0.1", null).getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse refused = get("/api/v1/requests/SKU-BBBBBB", "10.0.0.1", null);
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("60");
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        assertThat(refused.getContentAsString()).contains("\"status\":429", "Tunggu satu menit");
        // the pages count too, and answer the error page
        assertThat(get("/verifikasi/ABCDEFGHJKLM", "10.0.0.1", null).getStatus()).isEqualTo(429);

        // another client, a caller with a token, and anything but the lookups are not held back
        assertThat(get("/api/v1/requests/SKU-BBBBBB", "10.0.0.2", null).getStatus()).isEqualTo(200);
        assertThat(get("/api/v1/requests/SKU-BBBBBB", "10.0.0.1", "Bearer x").getStatus()).isEqualTo(200);
        assertThat(get("/", "10.0.0.1", null).getStatus()).isEqualTo(200);

        now.set(now.get().plusSeconds(60));
        assertThat(get("/api/v1/requests/SKU-BBBBBB", "10.0.0.1", null).getStatus()).isEqualTo(200);
    }

    private MockHttpServletResponse get(String path, String client, String authorization) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRemoteAddr(client);
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        limit.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
