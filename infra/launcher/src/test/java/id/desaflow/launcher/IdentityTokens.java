package id.desaflow.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A real access token from the running identity service, through the flow a browser takes (authorization code +
 * PKCE, public client {@code desaflow-cli} with a loopback redirect nothing listens on: only its code is read). The
 * Java twin of {@code infra/scripts/token.sh}.
 */
final class IdentityTokens {
    static final String PASSWORD = "Desa-Beji-2026!";
    private static final String REDIRECT = "http://127.0.0.1:8765/callback";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");
    private static final Pattern FORM = Pattern.compile("name=\"form\" value=\"([^\"]*)\"");
    private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");

    private IdentityTokens() {
    }

    /** @param login a username (official) or a 16-digit NIK (resident); secret: password or PIN */
    static String accessToken(String identity, String login, String secret) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        byte[] random = new byte[48];
        new SecureRandom().nextBytes(random);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        URI authorize = URI.create(identity + "/oauth2/authorize?response_type=code&client_id=desaflow-cli"
                + "&redirect_uri=" + encode(REDIRECT) + "&scope=openid%20profile&code_challenge=" + challenge
                + "&code_challenge_method=S256");

        send(http, HttpRequest.newBuilder(authorize).GET()); // remembered: where to return after signing in
        String page = login.matches("\\d{16}") ? "/login/warga" : "/login";
        String form = send(http, HttpRequest.newBuilder(URI.create(identity + page)).GET()).body();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", find(CSRF, form, "CSRF token"));
        fields.put("form", find(FORM, form, "form kind"));
        fields.put("username", login);
        fields.put("password", secret);
        send(http, HttpRequest.newBuilder(URI.create(identity + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
        String location = send(http, HttpRequest.newBuilder(authorize).GET()).headers().firstValue("Location")
                .orElse("");
        Matcher code = CODE.matcher(location);
        if (!code.find()) {
            throw new IllegalStateException("sign-in of " + login + " failed: redirected to " + location);
        }
        Map<String, String> exchange = new LinkedHashMap<>();
        exchange.put("grant_type", "authorization_code");
        exchange.put("client_id", "desaflow-cli");
        exchange.put("redirect_uri", REDIRECT);
        exchange.put("code", java.net.URLDecoder.decode(code.group(1), StandardCharsets.UTF_8));
        exchange.put("code_verifier", verifier);
        HttpResponse<String> token = send(http, HttpRequest.newBuilder(URI.create(identity + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(exchange))));
        if (token.statusCode() != 200) {
            throw new IllegalStateException("token request for " + login + " answered " + token.statusCode() + ": "
                    + token.body());
        }
        return new ObjectMapper().readTree(token.body()).get("access_token").asText();
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String find(Pattern pattern, String html, String what) {
        Matcher m = pattern.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no " + what + " on identity's sign-in page");
        }
        return m.group(1);
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
