package id.desaflow.portal.signin;

import id.desaflow.portal.Backends;
import id.desaflow.portal.Catalogues;
import id.desaflow.portal.Pages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jsoup.nodes.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 3, the portal's side: with the identity service configured, people sign in there with authorization code +
 * PKCE, pages that are someone's need a sign-in, the pages call the services with the signed-in person's token (and
 * nothing else says who acts), forms need their CSRF token, and signing out ends the identity session too. The
 * identity service itself is exercised end to end by the launcher's browser test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "desaflow.portal.identity.issuer-uri=http://identity.test:8085",
        "desaflow.portal.anonymous-lookups-per-minute=100000",
        "logging.structured.format.console="})
@AutoConfigureMockMvc
class SignInTest {
    private static final String BEJI = "3309012004";

    @Autowired
    MockMvc mvc;
    @Autowired
    ClientRegistrationRepository registrations;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        Backends.register(registry);
    }

    @BeforeEach
    void resetBackends() {
        Backends.resetAll();
    }

    @Test
    void anOfficialsPageSendsAnonymousVisitorsToSignInWithPkce() throws Exception {
        String toSignIn = mvc.perform(get("/petugas/tugas")).andExpect(status().is3xxRedirection()).andReturn()
                .getResponse().getRedirectedUrl();
        assertThat(toSignIn).endsWith("/masuk");
        mvc.perform(get("/masuk")).andExpect(status().isSeeOther())
                .andExpect(r -> assertThat(r.getResponse().getRedirectedUrl())
                        .isEqualTo("/oauth2/authorization/desaflow"));

        MvcResult authorize = mvc.perform(get("/oauth2/authorization/desaflow")).andExpect(status().isFound())
                .andReturn();
        UriComponents redirect = UriComponentsBuilder.fromUriString(authorize.getResponse().getRedirectedUrl())
                .build();
        assertThat(redirect.getHost()).isEqualTo("identity.test");
        assertThat(redirect.getPath()).isEqualTo("/oauth2/authorize");
        assertThat(redirect.getQueryParams().getFirst("client_id")).isEqualTo("portal");
        assertThat(redirect.getQueryParams().getFirst("response_type")).isEqualTo("code");
        assertThat(redirect.getQueryParams().getFirst("code_challenge_method")).isEqualTo("S256");
        assertThat(redirect.getQueryParams().getFirst("code_challenge")).hasSizeGreaterThan(40);
        assertThat(redirect.getQueryParams().getFirst("state")).isNotBlank();
    }

    @Test
    void publicPagesStayAnonymous() throws Exception {
        Catalogues.stub();
        mvc.perform(get("/")).andExpect(status().isOk());
        mvc.perform(get("/lacak")).andExpect(status().isOk());
        mvc.perform(get("/verifikasi")).andExpect(status().isOk());
    }

    @Test
    void anOfficialsPagesCallTheServicesWithTheirTokenOnly() throws Exception {
        Backends.APPROVAL.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/api/v1/tasks/counts")
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"open\":5,\"overdue\":2,\"mine\":1,\"new\":3}")));

        Document page = Pages.html(mvc.perform(get("/petugas").with(official("kasi.beji", "Bambang Wijaya",
                "kasi-pelayanan"))).andExpect(status().isOk()));

        assertThat(page.select(".official-bar p").text()).isEqualTo("Masuk sebagai Bambang Wijaya (Kasi Pelayanan)");
        assertThat(page.select("#jumlah-terbuka").text()).isEqualTo("5 Tugas terbuka");
        Backends.APPROVAL.verify(getRequestedFor(urlEqualTo("/api/v1/tasks/counts"))
                .withHeader("Authorization", equalTo("Bearer access-token"))
                .withHeader("X-DesaFlow-User", absent())
                .withHeader("X-DesaFlow-Groups", absent()));
    }

    @Test
    void aResidentSeesTheirRequestsAndIsToldOfficialsPagesAreNotTheirs() throws Exception {
        Backends.INTAKE.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/api/v1/requests")
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("[{\"trackingCode\":"
                        + "\"SKU-7K3P9Q\",\"letterLabel\":\"Surat Keterangan Usaha\",\"statusLabel\":\"Diajukan\","
                        + "\"submittedAt\":\"2026-11-20T02:00:00Z\"}]")));

        Document mine = Pages.html(mvc.perform(get("/permohonan-saya").with(resident()))
                .andExpect(status().isOk()));
        assertThat(mine.select("main li a").attr("href")).isEqualTo("/lacak/SKU-7K3P9Q");
        assertThat(mine.select("main li").text()).contains("Surat Keterangan Usaha", "SKU-7K3P9Q", "Diajukan");
        Backends.INTAKE.verify(getRequestedFor(urlEqualTo("/api/v1/requests"))
                .withHeader("Authorization", equalTo("Bearer access-token")));

        mvc.perform(get("/masuk").param("lanjut", "/petugas").with(resident())).andExpect(status().isForbidden());
    }

    @Test
    void aFormPostWithoutItsCsrfTokenIsRefusedAndSigningOutEndsTheIdentitySessionToo() throws Exception {
        mvc.perform(post("/keluar").with(official("kasi.beji", "Bambang Wijaya", "kasi-pelayanan")))
                .andExpect(status().isForbidden());

        String out = mvc.perform(post("/keluar").with(csrf()).with(official("kasi.beji", "Bambang Wijaya",
                        "kasi-pelayanan"))).andExpect(status().is3xxRedirection()).andReturn().getResponse()
                .getRedirectedUrl();
        assertThat(out).startsWith("http://identity.test:8085/connect/logout?id_token_hint=");
        assertThat(out).contains("post_logout_redirect_uri=http://localhost/");
    }

    @Test
    void nobodyPicksWhoTheyAreOnceSignInIsReal() throws Exception {
        mvc.perform(post("/masuk").with(csrf()).param("petugas", "demo-beji-kades"))
                .andExpect(status().isSeeOther())
                .andExpect(r -> assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/masuk"));
        mvc.perform(get("/petugas")).andExpect(status().is3xxRedirection());
    }

    /** Signed in at identity; spring-security-test gives the session the access token "access-token". */
    private OidcLoginRequestPostProcessor official(String user, String name, String role) {
        return oidcLogin().clientRegistration(registrations.findByRegistrationId("desaflow"))
                .idToken(t -> t.subject(user).claim("name", name).claim("village", BEJI)
                        .claim("roles", List.of(role)));
    }

    private OidcLoginRequestPostProcessor resident() {
        return oidcLogin().clientRegistration(registrations.findByRegistrationId("desaflow"))
                .idToken(t -> t.subject("warga-sri").claim("name", "Sri Wahyuni").claim("village", BEJI)
                        .claim("roles", List.of("warga")).claim("nik", "3309016108790002"));
    }
}
