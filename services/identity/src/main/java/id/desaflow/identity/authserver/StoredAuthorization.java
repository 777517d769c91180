package id.desaflow.identity.authserver;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * One OAuth2 authorization as kept in MongoDB. Token values (and the consent {@code state}) are kept ONLY as
 * SHA-256 hashes: a copy of this collection does not let anyone use a refresh token. {@code tokens} is keyed by
 * the token type value (code, access_token, refresh_token, id_token, user_code, device_code); {@code attributes}
 * and each token's {@code metadata} are JSON written by Spring Authorization Server's allow-listed ObjectMapper.
 * {@code expiresAt} = the latest expiry of its tokens: the TTL index deletes the document then.
 */
@Document("authorizations")
@CompoundIndex(name = "code_hash", def = "{'tokens.code.hash': 1}", sparse = true)
@CompoundIndex(name = "access_token_hash", def = "{'tokens.access_token.hash': 1}", sparse = true)
@CompoundIndex(name = "refresh_token_hash", def = "{'tokens.refresh_token.hash': 1}", sparse = true)
@CompoundIndex(name = "id_token_hash", def = "{'tokens.id_token.hash': 1}", sparse = true)
@CompoundIndex(name = "user_code_hash", def = "{'tokens.user_code.hash': 1}", sparse = true)
@CompoundIndex(name = "device_code_hash", def = "{'tokens.device_code.hash': 1}", sparse = true)
record StoredAuthorization(@Id String id, String registeredClientId, @Indexed String principalName,
        String grantType, Set<String> authorizedScopes, String attributes, @Indexed(sparse = true) String stateHash,
        Map<String, StoredToken> tokens, @Indexed(expireAfter = "0s") Instant expiresAt) {

    /** {@code accessTokenType}/{@code scopes}: access tokens only. */
    record StoredToken(String hash, Instant issuedAt, Instant expiresAt, String metadata, String accessTokenType,
            Set<String> scopes) {
    }
}
