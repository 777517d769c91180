package id.desaflow.platform.test.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import id.desaflow.platform.security.Actor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in identity service for tests: one RSA key, a JWKS endpoint on a loopback port (the JDK's HTTP server),
 * and signed JWTs for any {@link Actor} — also expired ones, ones signed by a foreign key or from another issuer, or
 * with a claim tampered. Services validate them for real (signature via the JWKS, issuer, expiry, claims): put
 * {@link TestTokenIssuer @TestTokenIssuer} on the test class, then send {@code Authorization: Bearer
 * TestTokens.shared().token(TestActors.residentA())}.
 */
public final class TestTokens {
    private static final TestTokens SHARED = new TestTokens();

    private final RSAKey key = generate("desaflow-test");
    private final RSAKey foreignKey = generate("desaflow-test"); // same kid: only the signature tells them apart
    private final AtomicInteger jwksRequests = new AtomicInteger();
    private HttpServer server;

    /** One key and one JWKS server per JVM, shared by all cached Spring contexts. */
    public static TestTokens shared() {
        return SHARED;
    }

    /** {@code http://127.0.0.1:<port>}: the {@code iss} of every token and the base of the JWKS URI. */
    public synchronized String issuer() {
        if (server == null) {
            server = start();
        }
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String jwkSetUri() {
        return issuer() + "/oauth2/jwks";
    }

    /** How often the JWKS was fetched: a resource server should cache it, not fetch it per request. */
    public int jwksRequests() {
        return jwksRequests.get();
    }

    /** A valid token (5 minutes) for this actor. */
    public String token(Actor actor) {
        return forActor(actor).compact();
    }

    /** {@code Bearer <token>}, for an Authorization header. */
    public String bearer(Actor actor) {
        return "Bearer " + token(actor);
    }

    /**
     * The actor's tokens every resource server must refuse with 401: expired, signed by another key, issued by
     * another issuer ("Authorization" header values).
     */
    public List<String> refusedBearers(Actor actor) {
        return List.of(forActor(actor).expired().bearer(), forActor(actor).signedByForeignKey().bearer(),
                forActor(actor).issuer("https://identity.elsewhere.test").bearer());
    }

    /** A token to bend: expiry, issuer, key, claims. */
    public Builder forActor(Actor actor) {
        return new Builder(actor.claims());
    }

    public final class Builder {
        private final Map<String, Object> claims;
        private Instant issuedAt = Instant.now();
        private Duration lifetime = Duration.ofMinutes(5);
        private String issuer;
        private RSAKey signer = key;
        private List<String> audience = List.of("portal");

        private Builder(Map<String, Object> claims) {
            this.claims = new LinkedHashMap<>(claims);
        }

        /** Expired an hour ago (far beyond any clock skew). */
        public Builder expired() {
            return expiredSince(Duration.ofHours(1));
        }

        /** Expired {@code ago} ago, after a 5-minute life. */
        public Builder expiredSince(Duration ago) {
            lifetime = Duration.ofMinutes(5);
            issuedAt = Instant.now().minus(ago).minus(lifetime);
            return this;
        }

        /** How long the token is valid; null = no {@code exp} at all (a token that never expires). */
        public Builder lifetime(Duration lifetime) {
            this.lifetime = lifetime;
            return this;
        }

        /** Signed by a key the JWKS does not publish (an attacker's own key with the same key id). */
        public Builder signedByForeignKey() {
            signer = foreignKey;
            return this;
        }

        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public Builder audience(String... audience) {
            this.audience = List.of(audience);
            return this;
        }

        /** Sets (or with null removes) a claim, e.g. {@code claim("village", "33090")} for a malformed one. */
        public Builder claim(String name, Object value) {
            if (value == null) {
                claims.remove(name);
            } else {
                claims.put(name, value);
            }
            return this;
        }

        public String compact() {
            JWTClaimsSet.Builder set = new JWTClaimsSet.Builder()
                    .issuer(issuer != null ? issuer : TestTokens.this.issuer())
                    .audience(audience)
                    .issueTime(Date.from(issuedAt))
                    .notBeforeTime(Date.from(issuedAt))
                    .expirationTime(lifetime == null ? null : Date.from(issuedAt.plus(lifetime)))
                    .jwtID(UUID.randomUUID().toString());
            claims.forEach(set::claim);
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID())
                    .type(JOSEObjectType.JWT).build(), set.build());
            try {
                jwt.sign(new RSASSASigner(signer));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return jwt.serialize();
        }

        public String bearer() {
            return "Bearer " + compact();
        }
    }

    private HttpServer start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            http.createContext("/oauth2/jwks", exchange -> {
                jwksRequests.incrementAndGet();
                reply(exchange, jwks);
            });
            http.createContext("/.well-known/openid-configuration", exchange -> reply(exchange,
                    ("{\"issuer\":\"" + base(http) + "\",\"jwks_uri\":\"" + base(http) + "/oauth2/jwks\"}")
                            .getBytes(StandardCharsets.UTF_8)));
            http.setExecutor(Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "test-tokens-jwks");
                t.setDaemon(true);
                return t;
            }));
            http.start();
            return http;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String base(HttpServer http) {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    private static void reply(HttpExchange exchange, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static RSAKey generate(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private TestTokens() {
    }
}
