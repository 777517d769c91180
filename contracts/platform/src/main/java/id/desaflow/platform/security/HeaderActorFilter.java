package id.desaflow.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Open mode only (no {@code desaflow.security.issuer-uri}: local development and tests written before sign-in):
 * the caller names the actor in headers, so the services' authorization code runs the same way with or without the
 * identity service. {@code X-DesaFlow-User: nik:<NIK>} is a resident; any other user is an official whose village,
 * roles and dusun come from {@code X-DesaFlow-Groups} ({@code desa:<village>:<role>[:<dusun-slug>]}, comma-separated).
 * Never installed when tokens are checked: then only a signed token says who acts.
 */
public final class HeaderActorFilter extends OncePerRequestFilter {
    public static final String USER_HEADER = "X-DesaFlow-User";
    public static final String GROUPS_HEADER = "X-DesaFlow-Groups";
    private static final Pattern RESIDENT = Pattern.compile("nik:(\\d{16})");
    private static final Pattern GROUP = Pattern.compile("desa:(\\d{10}):([a-z-]+)(?::([a-z0-9-]+))?");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SecurityContextHolder.getContext().getAuthentication() == null) {
            actor(request.getHeader(USER_HEADER), request.getHeader(GROUPS_HEADER)).ifPresent(actor ->
                    SecurityContextHolder.getContext().setAuthentication(new ActorAuthentication(actor, null)));
        }
        chain.doFilter(request, response);
    }

    /** The actor the headers name; empty without a user header. */
    static Optional<Actor> actor(String user, String groups) {
        if (user == null || user.isBlank()) {
            return Optional.empty();
        }
        Matcher resident = RESIDENT.matcher(user.strip());
        if (resident.matches()) {
            String nik = resident.group(1);
            // the subject is an account id, never the NIK itself (it ends up in logs and audit records)
            return Optional.of(Actor.resident("warga-" + digest(nik), null, nik, null));
        }
        String village = null;
        String dusun = null;
        Set<String> roles = new LinkedHashSet<>();
        if (groups != null) {
            for (String group : Arrays.stream(groups.split(",")).map(String::strip).toList()) {
                Matcher m = GROUP.matcher(group);
                if (m.matches() && Roles.ALL.contains(m.group(2)) && !Roles.WARGA.equals(m.group(2))) {
                    village = village == null ? m.group(1) : village;
                    if (village.equals(m.group(1))) {
                        roles.add(m.group(2));
                        dusun = m.group(3) != null ? m.group(3) : dusun;
                    }
                }
            }
        }
        return Optional.of(Actor.official(user.strip(), null, village, roles, dusun));
    }

    private static String digest(String nik) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(nik.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
