package id.desaflow.identity.authserver;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

/**
 * The RSA key that signs every token, kept in a file so a restart does not invalidate the tokens the services
 * still hold (their cached JWKS keeps matching).
 */
final class SigningKey {

    private SigningKey() {
    }

    static RSAKey loadOrCreate(Path dir) {
        Path file = dir.resolve("signing-key.jwk.json");
        try {
            if (Files.exists(file)) {
                return RSAKey.parse(Files.readString(file));
            }
            RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            Files.createDirectories(dir);
            Files.writeString(file, new JWKSet(key).getKeys().get(0).toJSONString());
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // non-POSIX file system: rely on the directory's permissions
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException | com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException("Signing key " + file + " unreadable", e);
        }
    }
}
