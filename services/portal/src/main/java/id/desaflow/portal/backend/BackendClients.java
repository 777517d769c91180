package id.desaflow.portal.backend;

import id.desaflow.portal.signin.TokenRelay;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;

/**
 * REST clients the pages use to talk to the services (never their databases). A 5xx answer becomes
 * {@link BackendUnavailableException}; 4xx answers stay {@code HttpClientErrorException}s for the page to interpret.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServiceEndpoints.class)
public class BackendClients {
    public static final String INTAKE = "intakeRestClient";
    public static final String APPROVAL = "approvalRestClient";
    public static final String NOTIFICATION = "notificationRestClient";
    public static final String VERIFICATION = "verificationRestClient";
    public static final String IDENTITY = "identityRestClient";

    /**
     * HTTP/1.1 only: the JDK client would otherwise try an h2c upgrade on plain-http calls to the services, which
     * adds headers the relay should not invent.
     */
    @Bean
    ClientHttpRequestFactoryBuilder<?> clientHttpRequestFactoryBuilder() {
        return ClientHttpRequestFactoryBuilder.jdk()
                .withHttpClientCustomizer(client -> client.version(HttpClient.Version.HTTP_1_1));
    }

    @Bean(INTAKE)
    RestClient intakeRestClient(RestClient.Builder builder, ServiceEndpoints services, TokenRelay relay) {
        return client(builder.clone(), services.intake().toString(), "intake", relay);
    }

    @Bean(APPROVAL)
    RestClient approvalRestClient(RestClient.Builder builder, ServiceEndpoints services, TokenRelay relay) {
        return client(builder.clone(), services.approval().toString(), "approval", relay);
    }

    @Bean(VERIFICATION)
    RestClient verificationRestClient(RestClient.Builder builder, ServiceEndpoints services, TokenRelay relay) {
        return client(builder.clone(), services.verification().toString(), "verification", relay);
    }

    @Bean(IDENTITY)
    RestClient identityRestClient(RestClient.Builder builder, ServiceEndpoints services, TokenRelay relay) {
        return client(builder.clone(), services.identity().toString(), "identity", relay);
    }

    @Bean(NOTIFICATION)
    RestClient notificationRestClient(RestClient.Builder builder, ServiceEndpoints services, TokenRelay relay) {
        return client(builder.clone(), services.notification().toString(), "notification", relay);
    }

    private static RestClient client(RestClient.Builder builder, String baseUrl, String service, TokenRelay relay) {
        return builder.baseUrl(baseUrl)
                .requestInterceptor(relay)
                .requestInterceptor(new ClientAddressRelay())
                .defaultStatusHandler(HttpStatusCode::is5xxServerError, (request, response) -> {
                    throw new BackendUnavailableException(
                            service + " answered " + response.getStatusCode().value() + " to " + request.getURI());
                })
                .build();
    }

    /** Reads a list answered either as a bare JSON array or as {@code {"items": [...]}} (paged lists). */
    public static <T> List<T> items(JsonNode body, Class<T> type, ObjectMapper json) {
        JsonNode array = body == null ? null : body.isArray() ? body : body.get("items");
        List<T> items = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(node -> items.add(json.convertValue(node, type)));
        }
        return items;
    }

    /** Injects the intake client. */
    @Qualifier(INTAKE)
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.PARAMETER, ElementType.FIELD})
    public @interface Intake {
    }

    /** Injects the verification client. */
    @Qualifier(VERIFICATION)
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.PARAMETER, ElementType.FIELD})
    public @interface Verification {
    }

    /** Injects the notification client. */
    @Qualifier(NOTIFICATION)
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.PARAMETER, ElementType.FIELD})
    public @interface Notification {
    }

    /** Injects the identity service's client (account administration). */
    @Qualifier(IDENTITY)
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.PARAMETER, ElementType.FIELD})
    public @interface Identity {
    }

    /** Injects the approval client. */
    @Qualifier(APPROVAL)
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.PARAMETER, ElementType.FIELD})
    public @interface Approval {
    }
}
