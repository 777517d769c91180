package id.desaflow.notification.delivery;

import id.desaflow.notification.CurrentActor;
import id.desaflow.platform.security.Actor;
import id.desaflow.platform.security.Roles;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;

/**
 * Which provider serves each channel and how it is doing, for administrators: read only (the configuration is the
 * deployment's), and never a credential.
 */
@RestController
@Tag(name = "Penyedia", description = "Laporan penerimaan (delivery receipts) dari penyedia SMS / WhatsApp")
class ProviderController {
    /** One provider as administrators see it; {@code circuit} null for the in-app inbox (no outside provider). */
    record ProviderView(Channel channel, String provider, String circuit, Integer limitPerPeriod,
            String limitRefreshPeriod) {
    }

    private final Gateways gateways;
    private final CircuitBreakerRegistry breakers;
    private final RateLimiterRegistry limiters;
    private final CurrentActor actor;

    ProviderController(Gateways gateways, CircuitBreakerRegistry breakers, RateLimiterRegistry limiters,
            CurrentActor actor) {
        this.gateways = gateways;
        this.breakers = breakers;
        this.limiters = limiters;
        this.actor = actor;
    }

    @GetMapping("/api/v1/providers")
    @Operation(summary = "Penyedia per kanal", description = "Penyedia yang dikonfigurasi, keadaan circuit breaker "
            + "(CLOSED, OPEN, HALF_OPEN) dan batas laju; tanpa kredensial. Hanya administrator.")
    List<ProviderView> providers() {
        Actor admin = actor.required();
        if (admin.isResident() || !admin.hasAnyRole(Roles.ADMIN_DESA, Roles.ADMIN_KECAMATAN)) {
            throw new AccessDeniedException("Konfigurasi penyedia hanya untuk administrator");
        }
        List<ProviderView> views = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            gateways.of(channel).ifPresent(g -> views.add(view(channel, g.provider())));
        }
        return views;
    }

    private ProviderView view(Channel channel, String provider) {
        if (!channel.external()) {
            return new ProviderView(channel, provider, null, null, null);
        }
        var limit = limiters.rateLimiter(provider).getRateLimiterConfig();
        return new ProviderView(channel, provider, breakers.circuitBreaker(provider).getState().name(),
                limit.getLimitForPeriod(), limit.getLimitRefreshPeriod().toString());
    }
}
