package id.desaflow.notification;

import id.desaflow.notification.delivery.Signatures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Keyed hashes with the service's secret ({@code desaflow.notification.secret}): a resident's key derived from the
 * NIK (so inbox and preferences never store or show a NIK, and the key cannot be recomputed without the secret),
 * and signatures of unsubscribe links (so a link works without sign-in but cannot be forged for someone else).
 */
@Component
public class Pseudonyms {
    private static final Logger log = LoggerFactory.getLogger(Pseudonyms.class);
    static final String DEVELOPMENT_SECRET = "desaflow-local-development-secret";

    private final String secret;

    Pseudonyms(@Value("${desaflow.notification.secret:" + DEVELOPMENT_SECRET + "}") String secret) {
        if (secret.length() < 16) {
            throw new IllegalArgumentException("desaflow.notification.secret must have at least 16 characters");
        }
        if (DEVELOPMENT_SECRET.equals(secret)) {
            log.warn("desaflow.notification.secret is the development default; set a secret in production");
        }
        this.secret = secret;
    }

    /** {@code warga-} + 32 hex characters: the same NIK always gives the same key. */
    public String residentKey(String nik) {
        return "warga-" + HexFormat.of().formatHex(hmac("resident:" + nik)).substring(0, 32);
    }

    /** A URL-safe signature of {@code value} for one {@code purpose}. */
    public String sign(String purpose, String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(purpose + ":" + value)).substring(0, 27);
    }

    public boolean verify(String purpose, String value, String signature) {
        return Signatures.matches(sign(purpose, value), signature);
    }

    private byte[] hmac(String data) {
        return Signatures.hmac("HmacSHA256", secret, data.getBytes(StandardCharsets.UTF_8));
    }
}
