package id.desaflow.portal.signin;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A village official as the services need to know them: the user id ({@code X-DesaFlow-User}) and the candidate
 * groups ({@code X-DesaFlow-Groups}: {@code desa:<village>:<role>}, a kepala dusun also {@code
 * desa:<village>:kadus:<dusun-slug>}).
 */
public record Official(String id, String name, String role, String dusun, String villageCode) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    public List<String> groups() {
        List<String> groups = new ArrayList<>();
        groups.add("desa:" + villageCode + ":" + role);
        if (dusun != null && !dusun.isBlank()) {
            groups.add("desa:" + villageCode + ":" + role + ":" + slug(dusun));
        }
        return groups;
    }

    public String groupsHeader() {
        return String.join(",", groups());
    }

    public boolean operator() {
        return "operator".equals(role);
    }

    /** A village's administrator, or a kecamatan's (who administers its villages). */
    public boolean administrator() {
        return "admin-desa".equals(role) || "admin-kecamatan".equals(role);
    }

    /** "Bandung Kidul" -> "bandung-kidul", as candidate groups spell a dusun. */
    public static String slug(String dusun) {
        return dusun.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
    }
}
