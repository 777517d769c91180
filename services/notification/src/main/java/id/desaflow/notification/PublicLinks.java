package id.desaflow.notification;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.regex.Pattern;

/**
 * Links in messages point at the portal ({@code desaflow.public-base-url}), which routes {@code /api/v1/**} to the
 * services. Also the one rule for the keys that name a person (resident key or official's user id) in URLs.
 */
@Component
public class PublicLinks {
    private static final Pattern RECIPIENT_KEY = Pattern.compile("[A-Za-z0-9._:@-]{1,64}");

    private final String base;

    PublicLinks(@Value("${desaflow.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.base = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
    }

    /** @param path starting with {@code /} */
    public String to(String path) {
        return base + path;
    }

    public static boolean isRecipientKey(String key) {
        return key != null && RECIPIENT_KEY.matcher(key).matches();
    }
}
