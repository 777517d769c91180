package id.desaflow.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** A cookie-keeping HTTP client that walks the authorization code + PKCE flow like a browser and a client. */
final class Browser {

    /** A registered client as a test drives it: secret null = public client. */
    record Client(String id, String secret, String redirect) {
    }

    static final Client CLI = new Client("desaflow-cli", null, "http://127.0.0.1:8765/callback");
    static final Client PORTAL = new Client("portal", "portal-secret",
            "http://localhost:8080/login/oauth2/code/desaflow");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private final String claimedAddress;

    Browser(int port) {
        this(port, null);
    }

    private Browser(int port, String claimedAddress) {
        this.base = "http://localhost:" + port;
        this.claimedAddress = claimedAddress;
    }

    /** A browser whose page requests claim another client address (X-Forwarded-For), as a LAN client could. */
    static Browser claiming(int port, String address) {
        return new Browser(port, address);
    }

    HttpResponse<String> get(String pathOrUrl) throws Exception {
        String url = pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl;
        return http.send(page(HttpRequest.newBuilder(URI.create(url))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postForm(String path, Map<String, String> form) throws Exception {
        return http.send(page(HttpRequest.newBuilder(URI.create(base + path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder page(HttpRequest.Builder request) {
        request.header("Accept", "text/html");
        return claimedAddress == null ? request : request.header("X-Forwarded-For", claimedAddress);
    }

    /** Opens {@code page}, takes its CSRF token and posts {@code fields} to {@code action}, like a person would. */
    HttpResponse<String> submit(String page, String action, Map<String, String> fields) throws Exception {
        HttpResponse<String> form = get(page);
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(m.find()).as("csrf token on %s", page).isTrue();
        Map<String, String> all = new LinkedHashMap<>();
        all.put("_csrf", m.group(1));
        all.putAll(fields);
        return postForm(action, all);
    }

    /** POSTs the sign-in form of {@code page} (/login or /login/warga). */
    HttpResponse<String> signIn(String page, String login, String secret) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("form", page.endsWith("warga") ? "warga" : "petugas");
        fields.put("username", login);
        fields.put("password", secret);
        return submit(page, "/login", fields);
    }

    /** The whole flow with the scripts' client; returns the token response. */
    JsonNode tokensFor(String page, String login, String secret) throws Exception {
        return tokensFor(CLI, page, login, secret);
    }

    /** Authorization request, sign-in, consent-less redirect with the code, code + verifier exchange. */
    JsonNode tokensFor(Client client, String page, String login, String secret) throws Exception {
        String verifier = verifier();
        HttpResponse<String> token = redeem(client, codeFor(client, page, login, secret, verifier), verifier);
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return JSON.readTree(token.body());
    }

    /** Authorization request with the verifier's challenge, sign-in, the code the client is redirected with. */
    String codeFor(Client client, String page, String login, String secret, String verifier) throws Exception {
        HttpResponse<String> first = get(authorizeUrl(client, challenge(verifier)));
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(location(first)).endsWith("/login");
        HttpResponse<String> signedIn = signIn(page, login, secret);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(location(signedIn)).as("back to the authorization request").contains("/oauth2/authorize");
        return code(client, location(signedIn));
    }

    /**
     * An official whose first password an administrator issued (or a resident with a counter PIN: a 16-digit
     * login): authorization request, sign-in with it, the page to choose an own one, back to the authorization
     * request, tokens.
     */
    JsonNode tokensAfterFirstSignIn(String login, String issued, String chosen) throws Exception {
        return tokensAfterFirstSignIn(CLI, login, issued, chosen);
    }

    JsonNode tokensAfterFirstSignIn(Client client, String login, String issued, String chosen) throws Exception {
        boolean resident = login.matches("\\d{16}");
        String page = resident ? "/login/pin-baru" : "/login/sandi-baru";
        String field = resident ? "pin" : "password";
        String verifier = verifier();
        get(authorizeUrl(client, challenge(verifier)));
        assertThat(location(signIn(resident ? "/login/warga" : "/login", login, issued))).endsWith(page);
        HttpResponse<String> changed = submit(page, page, Map.of(field, chosen, field + "2", chosen));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(302);
        assertThat(location(changed)).as("back to the authorization request").contains("/oauth2/authorize");
        HttpResponse<String> token = redeem(client, code(client, location(changed)), verifier);
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return JSON.readTree(token.body());
    }

    /** For a browser that is already signed in: the authorization code the client is redirected with. */
    String code(Client client, String authorizeUrl) throws Exception {
        HttpResponse<String> code = get(authorizeUrl);
        assertThat(code.statusCode()).isEqualTo(302);
        String redirect = location(code);
        assertThat(redirect).startsWith(client.redirect() + "?code=").contains("state=s1");
        return URI.create(redirect).getQuery().split("&")[0].substring("code=".length());
    }

    /** The token endpoint's answer to a code + PKCE verifier, whatever it is. */
    HttpResponse<String> redeem(Client client, String code, String verifier) throws Exception {
        return tokenEndpoint(client, "/oauth2/token", Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", client.redirect(), "code_verifier", verifier));
    }

    JsonNode refresh(Client client, String refreshToken) throws Exception {
        HttpResponse<String> token = tryRefresh(client, refreshToken);
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return JSON.readTree(token.body());
    }

    HttpResponse<String> tryRefresh(Client client, String refreshToken) throws Exception {
        return tokenEndpoint(client, "/oauth2/token",
                Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    HttpResponse<String> introspect(Client client, String token) throws Exception {
        return tokenEndpoint(client, "/oauth2/introspect", Map.of("token", token));
    }

    HttpResponse<String> revoke(Client client, String token) throws Exception {
        return tokenEndpoint(client, "/oauth2/revoke", Map.of("token", token));
    }

    static String verifier() {
        return UUID.randomUUID() + "-" + UUID.randomUUID();
    }

    static String challenge(String verifier) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    static String authorizeUrl(Client client, String challenge) {
        return "/oauth2/authorize?" + encode(Map.of("response_type", "code", "client_id", client.id(),
                "redirect_uri", client.redirect(), "scope", "openid profile", "state", "s1",
                "code_challenge", challenge, "code_challenge_method", "S256"));
    }

    private HttpResponse<String> tokenEndpoint(Client client, String path, Map<String, String> form)
            throws Exception {
        Map<String, String> body = new LinkedHashMap<>(form);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (client.secret() == null) {
            body.put("client_id", client.id());
        } else {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (client.id() + ":" + client.secret()).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.POST(HttpRequest.BodyPublishers.ofString(encode(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode claims(String jwt) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
