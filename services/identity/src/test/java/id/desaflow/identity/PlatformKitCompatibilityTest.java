package id.desaflow.identity;

import id.desaflow.platform.security.Actor;
import id.desaflow.platform.security.ActorAuthentication;
import id.desaflow.platform.security.ActorJwtConverter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/** The tokens this service issues pass the platform resource-server kit's checks and read as the right Actor. */
@IdentityServiceTest
class PlatformKitCompatibilityTest {

    @LocalServerPort
    int port;

    private Actor actorOf(String page, String login, String secret) throws Exception {
        String issuer = "http://localhost:" + port;
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(issuer + "/oauth2/jwks").build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer),
                ActorJwtConverter.validator()));
        String token = new Browser(port).tokensFor(page, login, secret).get("access_token").asText();
        return ((ActorAuthentication) new ActorJwtConverter().convert(decoder.decode(token))).actor();
    }

    @Test
    void kadusResidentAndKecamatanAdminTokensAreAcceptedByTheKit() throws Exception {
        Actor kadus = actorOf("/login", "kadus-bandung-kidul.beji", "Desa-Beji-2026!");
        assertThat(kadus.candidateGroups()).contains("desa:3309012004:kadus:bandung-kidul");
        assertThat(kadus.isResident()).isFalse();

        Actor resident = actorOf("/login/warga", "3309010210740043", "135790");
        assertThat(resident.isResident()).isTrue();
        assertThat(resident.nik()).isEqualTo("3309010210740043");
        assertThat(resident.village()).isEqualTo("3309012004");

        Actor kecamatan = actorOf("/login", "admin.andong", "Desa-Beji-2026!");
        assertThat(kecamatan.villages()).containsExactly("3309012004", "3309012005");
        assertThat(kecamatan.hasRole("admin-kecamatan")).isTrue();
    }
}
