package id.desaflow.portal;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Base of the portal's tests: the real app on a random port (the gateway is exercised over real HTTP) plus MockMvc
 * for the pages, with WireMock standing in for every service. All subclasses share one cached context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.http.client.read-timeout=1500ms",
        // the page tests look up many codes in a minute; AnonymousRateLimitTest covers the limit
        "desaflow.portal.anonymous-lookups-per-minute=100000",
        "logging.structured.format.console="})
@AutoConfigureMockMvc
@Import(CsrfInEveryRequest.class)
public abstract class PortalTest {
    /** The brief's budget for one rendered page. */
    protected static final int MAX_PAGE_BYTES = Pages.MAX_PAGE_BYTES;

    @Autowired
    protected MockMvc mvc;

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        Backends.register(registry);
    }

    @BeforeEach
    void resetBackends() {
        Backends.resetAll();
    }
}
