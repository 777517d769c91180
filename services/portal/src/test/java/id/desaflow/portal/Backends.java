package id.desaflow.portal;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.springframework.test.context.DynamicPropertyRegistry;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * One WireMock server per service, started once per JVM, so each test can tell which backend a call reached.
 * HTTP/2 off: the portal's client speaks HTTP/1.1 like the real services.
 */
public final class Backends {
    public static final WireMockServer INTAKE = start();
    public static final WireMockServer VERIFICATION = start();
    public static final WireMockServer APPROVAL = start();
    public static final WireMockServer NOTIFICATION = start();
    public static final WireMockServer IDENTITY = start();

    private Backends() {
    }

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(options().dynamicPort().http2PlainDisabled(true).containerThreads(16)
                .jettyAcceptors(1));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    public static void register(DynamicPropertyRegistry registry) {
        registry.add("desaflow.services.intake", INTAKE::baseUrl);
        registry.add("desaflow.services.verification", VERIFICATION::baseUrl);
        registry.add("desaflow.services.approval", APPROVAL::baseUrl);
        registry.add("desaflow.services.notification", NOTIFICATION::baseUrl);
        registry.add("desaflow.services.identity", IDENTITY::baseUrl);
    }

    public static void resetAll() {
        INTAKE.resetAll();
        VERIFICATION.resetAll();
        APPROVAL.resetAll();
        NOTIFICATION.resetAll();
        IDENTITY.resetAll();
    }
}
