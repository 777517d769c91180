package id.desaflow.intake.access;

import id.desaflow.platform.identity.Masking;
import id.desaflow.platform.web.InvalidInputException;
import id.desaflow.platform.web.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who acts, and what they may see: the ONE seam to swap for the OAuth2 resource server's JWT (subject, roles and
 * village scopes) when identity is wired. Until then it trusts three headers, as the approval service does; identity
 * never comes from request bodies.
 * <ul>
 * <li>{@code X-DesaFlow-User}: the acting user (default {@code demo}); a resident signed in with NIK + PIN is
 * {@code nik:<NIK>}.</li>
 * <li>{@code X-DesaFlow-Groups}: comma-separated candidate groups {@code desa:<villageCode>:<role>[:<dusun>]}; any of
 * them makes the user an official of that village.</li>
 * <li>{@code X-DesaFlow-Channel}: {@code COUNTER} when an operator enters a request at the office.</li>
 * </ul>
 */
@Component
public class CurrentActor {
    public static final String USER_HEADER = "X-DesaFlow-User";
    public static final String GROUPS_HEADER = "X-DesaFlow-Groups";
    public static final String CHANNEL_HEADER = "X-DesaFlow-Channel";
    static final String RESIDENT_PREFIX = "nik:";
    private static final Set<String> ADMIN_ROLES = Set.of("admin-desa", "admin-kecamatan");

    private final HttpServletRequest request; // a proxy to the current request

    CurrentActor(HttpServletRequest request) {
        this.request = request;
    }

    public String id() {
        String user = request.getHeader(USER_HEADER);
        if (user == null || user.isBlank()) {
            return "demo";
        }
        // the id lands in documents and the officials' timeline: printable ASCII, bounded
        String printable = user.strip().replaceAll("[^\\x21-\\x7E]", "_");
        return printable.substring(0, Math.min(printable.length(), 100));
    }

    /**
     * An actor id fit for logs and for officials' screens: a resident's id carries their NIK, shown masked like
     * everywhere else.
     */
    public static String display(String actorId) {
        return actorId != null && actorId.startsWith(RESIDENT_PREFIX)
                ? RESIDENT_PREFIX + Masking.nik(actorId.substring(RESIDENT_PREFIX.length())) : actorId;
    }

    public Channel channel() {
        String channel = request.getHeader(CHANNEL_HEADER);
        if (channel == null || channel.isBlank()) {
            return Channel.ONLINE;
        }
        try {
            return Channel.valueOf(channel.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(CHANNEL_HEADER, "Saluran harus ONLINE atau COUNTER");
        }
    }

    /** An official of {@code villageCode}: holds any role there (operator, kadus, kasi, sekdes, kades, admins). */
    public boolean isOfficialOf(String villageCode) {
        return groups().stream().anyMatch(g -> g.startsWith("desa:" + villageCode + ":"));
    }

    public boolean isAdministratorOf(String villageCode) {
        return groups().stream().map(g -> g.split(":")).anyMatch(p -> p.length >= 3 && p[0].equals("desa")
                && p[1].equals(villageCode) && ADMIN_ROLES.contains(p[2]));
    }

    /**
     * A request's personal data and files are for the resident it is for, whoever entered it for them (the same
     * user, e.g. the counter operator), and the officials of its village. Everyone else: 403.
     */
    public void requireAccess(String villageCode, String enteredBy, String applicantNik) {
        String me = id();
        if (!(me.equals(enteredBy) || me.equals(RESIDENT_PREFIX + applicantNik) || isOfficialOf(villageCode))) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Tidak diizinkan", "Data permohonan ini "
                    + "hanya dapat dibuka oleh pemohon dan perangkat desanya", null);
        }
    }

    public void requireOfficialOf(String villageCode) {
        if (!isOfficialOf(villageCode)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Tidak diizinkan", "Hanya perangkat desa ini "
                    + "yang dapat membuka data ini", null);
        }
    }

    public void requireAdministratorOf(String villageCode) {
        if (!isAdministratorOf(villageCode)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Tidak diizinkan", "Hanya admin desa yang "
                    + "dapat mengubah pengaturan desa ini", null);
        }
    }

    private Set<String> groups() {
        String header = request.getHeader(GROUPS_HEADER);
        return header == null ? Set.of() : Arrays.stream(header.split(",")).map(String::strip)
                .filter(g -> !g.isEmpty()).map(g -> g.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }
}
