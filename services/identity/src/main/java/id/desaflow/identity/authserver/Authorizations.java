package id.desaflow.identity.authserver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.desaflow.identity.authserver.StoredAuthorization.StoredToken;
import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.jackson2.SecurityJackson2Modules;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2DeviceCode;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.OAuth2UserCode;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.jackson2.OAuth2AuthorizationServerJackson2Module;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * OAuth2 authorizations (codes, access/refresh/ID tokens, PKCE request, principal) in MongoDB instead of the
 * default in-memory map, so a restart of identity does not sign everybody out of the portal.
 * <p>
 * Only SHA-256 hashes of token values are stored. A token found by its value comes back with that value; the
 * authorization's other tokens come back with a {@value #UNKNOWN} placeholder (their values are not known here,
 * and Spring Authorization Server only ever compares the presented value), which {@link #save} recognises and
 * keeps as the stored hash. Attributes and metadata go through the same allow-listed Jackson setup as Spring
 * Authorization Server's JDBC service (never default typing for arbitrary classes).
 */
@Component
public class Authorizations implements OAuth2AuthorizationService {

    static final String UNKNOWN = "sha256:";
    /** An authorization without tokens (waiting for consent) is kept this long. */
    private static final Duration PENDING = Duration.ofHours(1);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    /** Every token kind an authorization can hold, with the type value it is looked up by. */
    private enum Kind {
        CODE(OAuth2ParameterNames.CODE, OAuth2AuthorizationCode.class),
        ACCESS_TOKEN(OAuth2ParameterNames.ACCESS_TOKEN, OAuth2AccessToken.class),
        REFRESH_TOKEN(OAuth2ParameterNames.REFRESH_TOKEN, OAuth2RefreshToken.class),
        ID_TOKEN(OidcParameterNames.ID_TOKEN, OidcIdToken.class),
        USER_CODE(OAuth2ParameterNames.USER_CODE, OAuth2UserCode.class),
        DEVICE_CODE(OAuth2ParameterNames.DEVICE_CODE, OAuth2DeviceCode.class);

        final String type;
        final Class<? extends OAuth2Token> tokenClass;

        Kind(String type, Class<? extends OAuth2Token> tokenClass) {
            this.type = type;
            this.tokenClass = tokenClass;
        }

        String hashField() {
            return "tokens." + type + ".hash";
        }
    }

    private final MongoTemplate mongo;
    private final RegisteredClientRepository clients;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    Authorizations(MongoTemplate mongo, RegisteredClientRepository clients, Clock clock) {
        this.mongo = mongo;
        this.clients = clients;
        this.clock = clock;
        ClassLoader loader = Authorizations.class.getClassLoader();
        json.registerModules(SecurityJackson2Modules.getModules(loader));
        json.registerModule(new OAuth2AuthorizationServerJackson2Module());
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        Map<String, StoredToken> tokens = new LinkedHashMap<>();
        Instant expiresAt = null;
        for (Kind kind : Kind.values()) {
            OAuth2Authorization.Token<? extends OAuth2Token> token = authorization.getToken(kind.tokenClass);
            if (token == null) {
                continue;
            }
            OAuth2Token t = token.getToken();
            boolean access = t instanceof OAuth2AccessToken;
            tokens.put(kind.type, new StoredToken(storedHashOf(t.getTokenValue()), t.getIssuedAt(), t.getExpiresAt(),
                    write(token.getMetadata()),
                    access ? ((OAuth2AccessToken) t).getTokenType().getValue() : null,
                    access ? ((OAuth2AccessToken) t).getScopes() : null));
            if (t.getExpiresAt() != null && (expiresAt == null || t.getExpiresAt().isAfter(expiresAt))) {
                expiresAt = t.getExpiresAt();
            }
        }
        Map<String, Object> attributes = new HashMap<>(authorization.getAttributes());
        Object state = attributes.remove(OAuth2ParameterNames.STATE);
        mongo.save(new StoredAuthorization(authorization.getId(), authorization.getRegisteredClientId(),
                authorization.getPrincipalName(), authorization.getAuthorizationGrantType().getValue(),
                authorization.getAuthorizedScopes(), write(attributes),
                state == null ? null : storedHashOf(state.toString()), tokens,
                expiresAt != null ? expiresAt : clock.instant().plus(PENDING)));
    }

    /**
     * What the TTL index does on MongoDB, for stores that ignore TTL indexes (the local stack's mongo-java-server).
     * An expired authorization grants nothing anyway: Spring Authorization Server checks every token's expiry. Runs
     * every 10 minutes, off the sign-in path.
     */
    @Scheduled(fixedDelay = 10, initialDelay = 10, timeUnit = TimeUnit.MINUTES)
    long purgeExpired() {
        return mongo.remove(Query.query(Criteria.where("expiresAt").lt(clock.instant())), StoredAuthorization.class)
                .getDeletedCount();
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        mongo.remove(Query.query(Criteria.where("_id").is(authorization.getId())), StoredAuthorization.class);
    }

    /**
     * Ends every sign-in of {@code loginName} (a deactivated account, a password reset): its refresh tokens stop
     * working at once. Access tokens already out stay valid until they expire (at most 15 minutes); the admin API
     * re-reads its callers from the store anyway.
     */
    public long removeAllOf(String loginName) {
        return mongo.remove(Query.query(Criteria.where("principalName").is(loginName)), StoredAuthorization.class)
                .getDeletedCount();
    }

    @Override
    public OAuth2Authorization findById(String id) {
        StoredAuthorization stored = mongo.findById(id, StoredAuthorization.class);
        return stored == null ? null : toAuthorization(stored, null);
    }

    /** {@code tokenType} null = any kind of token, or the consent state. */
    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        String hash = hashOf(token);
        List<String> fields;
        if (tokenType == null) {
            fields = new ArrayList<>(List.of("stateHash"));
            for (Kind kind : Kind.values()) {
                fields.add(kind.hashField());
            }
        } else if (OAuth2ParameterNames.STATE.equals(tokenType.getValue())) {
            fields = List.of("stateHash");
        } else {
            Kind kind = kindOf(tokenType.getValue());
            if (kind == null) {
                return null;
            }
            fields = List.of(kind.hashField());
        }
        Criteria criteria = new Criteria().orOperator(fields.stream().map(f -> Criteria.where(f).is(hash)).toList());
        StoredAuthorization stored = mongo.findOne(Query.query(criteria), StoredAuthorization.class);
        return stored == null ? null : toAuthorization(stored, token);
    }

    private OAuth2Authorization toAuthorization(StoredAuthorization stored, String presented) {
        RegisteredClient client = clients.findById(stored.registeredClientId());
        if (client == null) {
            throw new DataRetrievalFailureException("Registered client " + stored.registeredClientId()
                    + " of a stored authorization no longer exists");
        }
        String presentedHash = presented == null ? null : hashOf(presented);
        Map<String, Object> attributes = read(stored.attributes());
        OAuth2Authorization.Builder builder = OAuth2Authorization.withRegisteredClient(client)
                .id(stored.id())
                .principalName(stored.principalName())
                .authorizationGrantType(new AuthorizationGrantType(stored.grantType()))
                .authorizedScopes(stored.authorizedScopes() == null ? Set.of() : stored.authorizedScopes())
                .attributes(a -> a.putAll(attributes));
        if (stored.stateHash() != null) {
            builder.attribute(OAuth2ParameterNames.STATE, valueOf(stored.stateHash(), presented, presentedHash));
        }
        Map<String, StoredToken> tokens = stored.tokens() == null ? Map.of() : stored.tokens();
        tokens.forEach((type, t) -> {
            Kind kind = kindOf(type);
            if (kind != null) {
                Map<String, Object> metadata = read(t.metadata());
                builder.token(token(kind, t, valueOf(t.hash(), presented, presentedHash), metadata),
                        m -> m.putAll(metadata));
            }
        });
        return builder.build();
    }

    @SuppressWarnings("unchecked")
    private static OAuth2Token token(Kind kind, StoredToken t, String value, Map<String, Object> metadata) {
        return switch (kind) {
            case CODE -> new OAuth2AuthorizationCode(value, t.issuedAt(), t.expiresAt());
            case ACCESS_TOKEN -> new OAuth2AccessToken(
                    OAuth2AccessToken.TokenType.DPOP.getValue().equalsIgnoreCase(t.accessTokenType())
                            ? OAuth2AccessToken.TokenType.DPOP : OAuth2AccessToken.TokenType.BEARER,
                    value, t.issuedAt(), t.expiresAt(), t.scopes() == null ? Set.of() : t.scopes());
            case REFRESH_TOKEN -> new OAuth2RefreshToken(value, t.issuedAt(), t.expiresAt());
            case ID_TOKEN -> new OidcIdToken(value, t.issuedAt(), t.expiresAt(),
                    (Map<String, Object>) metadata.get(OAuth2Authorization.Token.CLAIMS_METADATA_NAME));
            case USER_CODE -> new OAuth2UserCode(value, t.issuedAt(), t.expiresAt());
            case DEVICE_CODE -> new OAuth2DeviceCode(value, t.issuedAt(), t.expiresAt());
        };
    }

    /** The presented value where it is the one stored, else the placeholder {@link #save} maps back to the hash. */
    private static String valueOf(String storedHash, String presented, String presentedHash) {
        return storedHash.equals(presentedHash) ? presented : UNKNOWN + storedHash;
    }

    private static Kind kindOf(String type) {
        for (Kind kind : Kind.values()) {
            if (kind.type.equals(type)) {
                return kind;
            }
        }
        return null;
    }

    /**
     * For {@link #save} only: a placeholder stands for a value never seen here, its hash is the stored one. (A
     * presented token is always hashed as typed: a placeholder is no way in for someone who knows a hash.)
     */
    private static String storedHashOf(String value) {
        return value.startsWith(UNKNOWN) ? value.substring(UNKNOWN.length()) : hashOf(value);
    }

    static String hashOf(String value) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Map<String, Object> map) {
        try {
            return json.writeValueAsString(plain(map));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Authorization data not serialisable: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Claims hold whatever collections the token customizer used (List.of, Set.copyOf, ...); the allow-list reads
     * back only the common JDK ones, so maps, lists and sets are copied into those before writing.
     */
    private static Object plain(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, plain(v)));
            return copy;
        }
        if (value instanceof Set<?> set) {
            return set.stream().map(Authorizations::plain).collect(Collectors.toCollection(HashSet::new));
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(Authorizations::plain).collect(Collectors.toCollection(ArrayList::new));
        }
        return value;
    }

    private Map<String, Object> read(String text) {
        try {
            return text == null ? Map.of() : json.readValue(text, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Stored authorization data unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
