package id.desaflow.portal.gateway;

import id.desaflow.portal.backend.ServiceEndpoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.gateway.server.mvc.filter.FormFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.net.SocketTimeoutException;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.cloud.gateway.server.mvc.predicate.GatewayRequestPredicates.path;

/**
 * The one web origin: every public API path is relayed unchanged (method, path, query, headers, body, status) to
 * the service that owns it. Declared in Java rather than YAML because each route needs the error handler that turns
 * an unreachable service into 503/504 problem+json instead of an HTML error page.
 */
@Configuration(proxyBeanMethods = false)
class GatewayRoutes {
    private static final Logger log = LoggerFactory.getLogger(GatewayRoutes.class);
    private static final String PROBLEMS = "https://desaflow.id/problems/";
    private static final String X_FORWARDED_FOR = "X-Forwarded-For";

    @Bean
    RouterFunction<ServerResponse> apiRoutes(ServiceEndpoints services) {
        // first match wins: the approval service's audit of a request sits under intake's /requests/** tree
        return backend("approval-audit", services.approval(), "/api/v1/requests/*/audit")
                .and(backend("intake", services.intake(),
                        "/api/v1/requests/**", "/api/v1/letter-types/**", "/api/v1/villages/**"))
                .and(backend("verification", services.verification(), "/api/v1/verifications/**",
                        "/api/v1/registry/**"))
                .and(backend("approval", services.approval(), "/api/v1/tasks/**", "/api/v1/letters/**",
                        "/api/v1/public/**", "/api/v1/audit/**"))
                .and(backend("notification", services.notification(), "/api/v1/notifications/**",
                        "/api/v1/inbox/**", "/api/v1/preferences/**", "/api/v1/unsubscribe/**", "/api/v1/templates/**",
                        "/api/v1/providers/**"))
                // Last: any other API path is ours to refuse, as problem+json rather than the HTML 404 page.
                .and(route("api-not-found").route(path("/api/**"), GatewayRoutes::notFound).build());
    }

    /**
     * The gateway's form filter re-creates a form-encoded body from the parsed parameters so it can be relayed; it
     * also hides those parameters from the request, so it must not see the portal's own form posts.
     */
    @Bean
    FilterRegistrationBean<FormFilter> apiFormFilter() {
        FilterRegistrationBean<FormFilter> registration = new FilterRegistrationBean<>(new FormFilter());
        registration.addUrlPatterns("/api/*");
        registration.setOrder(FormFilter.FORM_FILTER_ORDER);
        return registration;
    }

    private static RouterFunction<ServerResponse> backend(String id, URI target, String... paths) {
        return route(id)
                .route(path(paths), http())
                .before(uri(target))
                .before(GatewayRoutes::clientAddress)
                .onError(Exception.class, (error, request) -> unavailable(id, error, request))
                .build();
    }

    /**
     * The services audit where a decision came from: they hear the address the portal saw (the browser's, or the
     * proxy's client when the portal is configured behind one), never a forwarded-for list the client wrote itself.
     */
    private static ServerRequest clientAddress(ServerRequest request) {
        String address = request.servletRequest().getRemoteAddr();
        return ServerRequest.from(request).headers(headers -> headers.set(X_FORWARDED_FOR, address)).build();
    }

    private static ServerResponse unavailable(String service, Throwable error, ServerRequest request) {
        boolean timedOut = causedByTimeout(error);
        log.warn("Service {} unreachable for {} {}: {}", service, request.method(), request.path(), error.toString());
        HttpStatus status = timedOut ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.SERVICE_UNAVAILABLE;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                "Layanan sedang tidak tersedia, silakan coba lagi");
        problem.setType(URI.create(PROBLEMS + (timedOut ? "service-timeout" : "service-unavailable")));
        problem.setTitle(timedOut ? "Layanan terlalu lama menjawab" : "Layanan tidak tersedia");
        problem.setInstance(URI.create(request.path()));
        ServerResponse.BodyBuilder response = ServerResponse.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (!timedOut) {
            response.header("Retry-After", "5");
        }
        return response.body(problem);
    }

    private static boolean causedByTimeout(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof HttpTimeoutException || t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static ServerResponse notFound(ServerRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "Alamat API " + request.path() + " tidak dikenal");
        problem.setType(URI.create(PROBLEMS + "not-found"));
        problem.setTitle("Tidak ditemukan");
        problem.setInstance(URI.create(request.path()));
        return ServerResponse.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
