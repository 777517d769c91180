package id.desaflow.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import id.desaflow.identity.account.Account;
import id.desaflow.identity.account.Accounts;
import id.desaflow.platform.security.Actor;
import id.desaflow.platform.security.Roles;
import id.desaflow.platform.test.security.AuthorizationMatrix;
import id.desaflow.platform.test.security.TestActors;
import id.desaflow.platform.test.security.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static id.desaflow.platform.test.security.TestActors.VILLAGE_X;
import static id.desaflow.platform.test.security.TestActors.VILLAGE_Y;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 3: every admin API endpoint of identity x every kind of caller. Tokens are signed with identity's own key
 * (what its sign-in issues), carrying the platform kit's test people; the officials and administrators among them
 * also have accounts here, because the admin API re-reads its caller from the store. The residents have none (their
 * NIKs belong to the demo residents): a resident with an account is refused the same way.
 */
@IdentityServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API = "/api/v1";
    /** A resident of village X the counter issues PINs to (valid NIK, no demo account). */
    private static final String NIK = "3309015505900007";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    JWKSource<SecurityContext> keys;

    private final HttpClient http = HttpClient.newHttpClient();
    private NimbusJwtEncoder tokens;
    private String officialOfX;
    private String toDeactivate;

    @BeforeAll
    void fixtures() {
        tokens = new NimbusJwtEncoder(keys);
        for (Actor actor : AuthorizationMatrix.callers().values()) {
            if (actor != null && !actor.hasRole(Roles.WARGA) && accounts.findById(actor.userId()).isEmpty()) {
                accounts.save(actor.kecamatan() != null
                        ? Account.kecamatanAdmin(actor.userId(), actor.userId(), actor.name(), "{noop}x",
                                actor.kecamatan(), actor.villages(), null)
                        : Account.official(actor.userId(), actor.userId(), actor.name(), "{noop}x", actor.village(),
                                List.copyOf(actor.roles()), actor.dusun(), null, null, Instant.now()));
            }
        }
        officialOfX = official();
        toDeactivate = official();
    }

    private String official() {
        String id = UUID.randomUUID().toString();
        accounts.save(Account.official(id, "m" + id.substring(0, 8) + ".beji", "Petugas Matriks", "{noop}x",
                VILLAGE_X, List.of(Roles.OPERATOR), null, null, null, Instant.now()));
        return id;
    }

    @Test
    void everyEndpointAnswersEachCallerAsTheRulesSay() throws Exception {
        //  columns: anon resA resB | operator rt rw kadus kasi-pelayanan kasi-pemerintahan sekdes kades (X, Y each)
        //           | admin-desa X, admin-desa Y, admin-kecamatan
        String nobody = "401 403 403 | 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403";
        AuthorizationMatrix<HttpRequest.Builder> matrix = new AuthorizationMatrix<HttpRequest.Builder>()
                .row("GET  village X's officials", () -> get(API + "/officials?village=" + VILLAGE_X),
                        nobody + " | 200 403 200")
                .row("POST an official for village X", () -> post(API + "/officials", Map.of(
                                "username", "m" + UUID.randomUUID().toString().substring(0, 8) + ".beji",
                                "name", "Petugas Baru", "village", VILLAGE_X, "roles", List.of(Roles.OPERATOR))),
                        nobody + " | 201 403 201")
                .row("PUT  an official's roles", () -> put(API + "/officials/" + officialOfX + "/roles",
                        Map.of("roles", List.of(Roles.OPERATOR))), nobody + " | 200 404 200")
                .row("POST an official's new password", () -> post(API + "/officials/" + officialOfX
                        + "/password-reset", null), nobody + " | 200 404 200")
                .row("POST deactivate an official", () -> post(API + "/officials/" + toDeactivate + "/deactivation",
                        null), nobody + " | 200 404 200")
                .row("GET  an official's audit trail", () -> get(API + "/audit/users/" + officialOfX),
                        nobody + " | 200 404 200")
                .row("POST a resident's PIN at the counter", () -> post(API + "/residents/pin-reset", Map.of(
                                "nik", NIK, "name", "Warga Matriks", "village", VILLAGE_X)),
                        "401 403 403 | 200 403 403 403 403 403 403 403 403 403 403 403 403 403 403 403 | 200 403 200");

        assertThat(matrix.differences(this::call)).isEmpty();
    }

    @Test
    void tokensThatAreExpiredForeignOrFromAnotherIssuerAreRefused() throws Exception {
        for (String bearer : TestTokens.shared().refusedBearers(TestActors.adminDesa(VILLAGE_X))) {
            assertThat(http.send(get(API + "/officials?village=" + VILLAGE_X).header("Authorization", bearer)
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(401);
        }
        // the same person with identity's own key is let in: the refusals above are about the tokens
        assertThat(call(get(API + "/officials?village=" + VILLAGE_X), TestActors.adminDesa(VILLAGE_X), "200"))
                .isEqualTo("200");
        assertThat(call(get(API + "/officials?village=" + VILLAGE_Y), TestActors.adminDesa(VILLAGE_X), "403"))
                .isEqualTo("403");
    }

    private String call(HttpRequest.Builder request, Actor caller, String expected) throws Exception {
        if (caller != null) {
            request.header("Authorization", "Bearer " + token(caller));
        }
        return String.valueOf(http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    /** What identity's sign-in would issue to {@code actor}: its key, the DesaFlow claims, 15 minutes. */
    private String token(Actor actor) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder().claims(c -> c.putAll(actor.claims())).issuedAt(now)
                .expiresAt(now.plusSeconds(900)).audience(List.of("desaflow-cli")).build();
        return tokens.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                .getTokenValue();
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    }

    private HttpRequest.Builder post(String path, Object body) {
        return send("POST", path, body);
    }

    private HttpRequest.Builder put(String path, Object body) {
        return send("PUT", path, body);
    }

    private HttpRequest.Builder send(String method, String path, Object body) {
        try {
            return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
