package id.desaflow.identity.authserver;

import id.desaflow.identity.IdentityServiceTest;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2DeviceCode;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.OAuth2UserCode;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.security.Principal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The MongoDB store round-trips every kind of token, the principal and the PKCE authorization request. */
@IdentityServiceTest
class AuthorizationsTest {

    @Autowired
    OAuth2AuthorizationService service;
    @Autowired
    RegisteredClientRepository clients;
    @Autowired
    UserDetailsService users;
    @Autowired
    MongoTemplate mongo;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private record Issued(OAuth2Authorization authorization, Map<OAuth2TokenType, String> values) {
    }

    private Issued issue() {
        String id = UUID.randomUUID().toString();
        Map<OAuth2TokenType, String> values = new LinkedHashMap<>();
        for (String type : List.of(OAuth2ParameterNames.STATE, OAuth2ParameterNames.CODE,
                OAuth2ParameterNames.ACCESS_TOKEN, OAuth2ParameterNames.REFRESH_TOKEN, OidcParameterNames.ID_TOKEN,
                OAuth2ParameterNames.USER_CODE, OAuth2ParameterNames.DEVICE_CODE)) {
            values.put(new OAuth2TokenType(type), type + "-" + UUID.randomUUID());
        }
        UserDetails user = users.loadUserByUsername("sekdes.beji");
        ((CredentialsContainer) user).eraseCredentials(); // as after a form sign-in
        UsernamePasswordAuthenticationToken principal =
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        principal.setDetails(new WebAuthenticationDetails("127.0.0.1", "session-1"));
        OAuth2AuthorizationRequest request = OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri("http://localhost/oauth2/authorize").clientId("portal")
                .redirectUri("http://localhost:8080/login/oauth2/code/desaflow").scopes(Set.of("openid", "profile"))
                .state("s1").additionalParameters(Map.of("code_challenge", "abc", "code_challenge_method", "S256"))
                .build();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", "demo-beji-sekdes");
        claims.put("roles", List.of("sekdes"));
        claims.put("village", "3309012004");
        claims.put("iat", now);
        claims.put("exp", now.plusSeconds(900));
        claims.put("aud", List.of("portal"));
        OAuth2Authorization authorization = OAuth2Authorization.withRegisteredClient(clients.findById("portal"))
                .id(id).principalName("sekdes.beji").authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizedScopes(Set.of("openid", "profile"))
                .attribute(Principal.class.getName(), principal)
                .attribute(OAuth2AuthorizationRequest.class.getName(), request)
                .attribute(OAuth2ParameterNames.STATE, values.get(new OAuth2TokenType(OAuth2ParameterNames.STATE)))
                .token(new OAuth2AuthorizationCode(value(values, OAuth2ParameterNames.CODE), now, now.plusSeconds(300)))
                .token(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER,
                        value(values, OAuth2ParameterNames.ACCESS_TOKEN), now, now.plusSeconds(900),
                        Set.of("openid", "profile")), m -> m.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME, claims))
                .refreshToken(new OAuth2RefreshToken(value(values, OAuth2ParameterNames.REFRESH_TOKEN), now,
                        now.plus(8, ChronoUnit.HOURS)))
                .token(new OidcIdToken(value(values, OidcParameterNames.ID_TOKEN), now, now.plusSeconds(900), claims),
                        m -> m.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME, claims))
                .token(new OAuth2UserCode(value(values, OAuth2ParameterNames.USER_CODE), now, now.plusSeconds(300)))
                .token(new OAuth2DeviceCode(value(values, OAuth2ParameterNames.DEVICE_CODE), now, now.plusSeconds(300)))
                .build();
        service.save(authorization);
        return new Issued(authorization, values);
    }

    private static String value(Map<OAuth2TokenType, String> values, String type) {
        return values.get(new OAuth2TokenType(type));
    }

    @Test
    void everyTokenTypeIsFoundByItsValueTypedOrUntypedAndComesBackWhole() {
        Issued issued = issue();
        issued.values().forEach((type, value) -> {
            for (OAuth2TokenType asked : new OAuth2TokenType[] {type, null}) {
                OAuth2Authorization found = service.findByToken(value, asked);
                assertThat(found).as("found by %s as %s", type.getValue(), asked).isNotNull();
                assertThat(found.getId()).isEqualTo(issued.authorization().getId());
                if (type.getValue().equals(OAuth2ParameterNames.STATE)) {
                    assertThat((String) found.getAttribute(OAuth2ParameterNames.STATE)).isEqualTo(value);
                } else {
                    assertThat(found.getToken(value)).as("the presented %s", type.getValue()).isNotNull();
                }
                assertSame(found, issued.authorization());
            }
        });
    }

    private static void assertSame(OAuth2Authorization found, OAuth2Authorization saved) {
        assertThat(found.getRegisteredClientId()).isEqualTo("portal");
        assertThat(found.getPrincipalName()).isEqualTo("sekdes.beji");
        assertThat(found.getAuthorizationGrantType()).isEqualTo(AuthorizationGrantType.AUTHORIZATION_CODE);
        assertThat(found.getAuthorizedScopes()).containsExactlyInAnyOrder("openid", "profile");
        UsernamePasswordAuthenticationToken principal = found.getAttribute(Principal.class.getName());
        assertThat(principal.getName()).isEqualTo("sekdes.beji");
        assertThat(principal.isAuthenticated()).isTrue();
        assertThat(principal.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_sekdes");
        assertThat(principal.getPrincipal()).isInstanceOf(UserDetails.class);
        assertThat(((WebAuthenticationDetails) principal.getDetails()).getRemoteAddress()).isEqualTo("127.0.0.1");
        OAuth2AuthorizationRequest request = found.getAttribute(OAuth2AuthorizationRequest.class.getName());
        OAuth2AuthorizationRequest original = saved.getAttribute(OAuth2AuthorizationRequest.class.getName());
        assertThat(request.getClientId()).isEqualTo("portal");
        assertThat(request.getRedirectUri()).isEqualTo(original.getRedirectUri());
        assertThat(request.getScopes()).isEqualTo(original.getScopes());
        assertThat(request.getAdditionalParameters()).containsEntry("code_challenge", "abc")
                .containsEntry("code_challenge_method", "S256");
        for (Class<? extends OAuth2Token> kind : List.of(OAuth2AuthorizationCode.class, OAuth2AccessToken.class,
                OAuth2RefreshToken.class, OidcIdToken.class, OAuth2UserCode.class, OAuth2DeviceCode.class)) {
            OAuth2Authorization.Token<? extends OAuth2Token> token = found.getToken(kind);
            assertThat(token).as(kind.getSimpleName()).isNotNull();
            assertThat(token.getToken().getIssuedAt()).isEqualTo(saved.getToken(kind).getToken().getIssuedAt());
            assertThat(token.getToken().getExpiresAt()).isEqualTo(saved.getToken(kind).getToken().getExpiresAt());
            assertThat(token.isInvalidated()).isFalse();
        }
        assertThat(found.getAccessToken().getToken().getScopes()).containsExactlyInAnyOrder("openid", "profile");
        assertThat(found.getAccessToken().getClaims()).containsEntry("village", "3309012004")
                .containsEntry("roles", List.of("sekdes")).containsEntry("exp", saved.getAccessToken().getClaims()
                        .get("exp"));
        assertThat(found.getToken(OidcIdToken.class).getToken().getClaims()).containsEntry("sub", "demo-beji-sekdes");
    }

    @Test
    void aTokenOfAnotherTypeAnUnknownValueOrAStoredHashFindNothing() {
        Issued issued = issue();
        String refresh = value(issued.values(), OAuth2ParameterNames.REFRESH_TOKEN);
        assertThat(service.findByToken(refresh, OAuth2TokenType.ACCESS_TOKEN)).isNull();
        assertThat(service.findByToken(refresh + "x", null)).isNull();
        assertThat(service.findByToken(Authorizations.UNKNOWN + Authorizations.hashOf(refresh), null)).isNull();
        assertThat(service.findByToken(Authorizations.hashOf(refresh), null)).isNull();
    }

    @Test
    void onlyHashesAreStoredNeverATokenValueOrThePasswordHash() {
        Issued issued = issue();
        Document stored = mongo.getCollection("authorizations")
                .find(new Document("_id", issued.authorization().getId())).first();
        String raw = stored.toJson();
        issued.values().values().forEach(v -> assertThat(raw).doesNotContain(v).contains(Authorizations.hashOf(v)));
        assertThat(raw).doesNotContain("{bcrypt}");
        assertThat(stored.getDate("expiresAt").toInstant()).as("the longest expiry: the refresh token's")
                .isEqualTo(now.plus(8, ChronoUnit.HOURS));
    }

    @Test
    void anAuthorizationLoadedByOneTokenAndSavedAgainKeepsFindingTheOthers() {
        Issued issued = issue();
        OAuth2Authorization byRefresh = service.findByToken(value(issued.values(), OAuth2ParameterNames.REFRESH_TOKEN),
                OAuth2TokenType.REFRESH_TOKEN);
        // what a token exchange does: the code is spent, a new access token replaces the old one
        OAuth2Authorization changed = OAuth2Authorization.from(byRefresh)
                .invalidate(byRefresh.getToken(OAuth2AuthorizationCode.class).getToken())
                .token(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "new-access", now, now.plusSeconds(60),
                        Set.of("openid")))
                .build();
        service.save(changed);
        OAuth2TokenType code = new OAuth2TokenType(OAuth2ParameterNames.CODE);
        OAuth2Authorization byCode = service.findByToken(value(issued.values(), OAuth2ParameterNames.CODE), code);
        assertThat(byCode.getToken(OAuth2AuthorizationCode.class).isInvalidated()).isTrue();
        assertThat(service.findByToken(value(issued.values(), OidcParameterNames.ID_TOKEN), null)).isNotNull();
        assertThat(service.findByToken(value(issued.values(), OAuth2ParameterNames.STATE), null)).isNotNull();
        assertThat(service.findByToken("new-access", OAuth2TokenType.ACCESS_TOKEN)).isNotNull();
        assertThat(service.findByToken(value(issued.values(), OAuth2ParameterNames.ACCESS_TOKEN), null)).isNull();
    }

    @Test
    void removedIsGoneAndFoundByIdOtherwise() {
        Issued issued = issue();
        assertThat(service.findById(issued.authorization().getId()).getPrincipalName()).isEqualTo("sekdes.beji");
        service.remove(issued.authorization());
        assertThat(service.findById(issued.authorization().getId())).isNull();
        assertThat(service.findByToken(value(issued.values(), OAuth2ParameterNames.REFRESH_TOKEN), null)).isNull();
    }

    @Test
    void expiredAuthorizationsArePurgedWhereTheStoreIgnoresTtl() {
        Issued live = issue();
        OAuth2Authorization old = OAuth2Authorization.withRegisteredClient(clients.findById("portal"))
                .id(UUID.randomUUID().toString()).principalName("sekdes.beji")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .token(new OAuth2AuthorizationCode("old-code", now.minusSeconds(600), now.minusSeconds(300)))
                .build();
        service.save(old);
        assertThat(((Authorizations) service).purgeExpired()).isGreaterThanOrEqualTo(1);
        assertThat(service.findById(old.getId())).isNull();
        assertThat(service.findById(live.authorization().getId())).as("not yet expired").isNotNull();
    }

    @Test
    void lookupFieldsAreIndexedAndDocumentsExpire() {
        List<IndexInfo> indexes = mongo.indexOps("authorizations").getIndexInfo();
        assertThat(indexes).anySatisfy(i -> {
            assertThat(i.getIndexFields().get(0).getKey()).isEqualTo("expiresAt");
            assertThat(i.getExpireAfter()).hasValueSatisfying(d -> assertThat(d.isZero()).isTrue());
        });
        assertThat(indexes.stream().map(i -> i.getIndexFields().get(0).getKey())).contains("stateHash",
                "tokens.code.hash", "tokens.access_token.hash", "tokens.refresh_token.hash", "tokens.id_token.hash");
    }
}
