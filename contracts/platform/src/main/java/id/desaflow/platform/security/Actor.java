package id.desaflow.platform.security;

import id.desaflow.platform.identity.Masking;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Who acts, as the identity service vouched for it in a signed token: the one input of every authorization rule. A
 * service decides with these helpers in the code that owns the data (own requests, own village, own dusun), never
 * with anything from the request body.
 *
 * @param userId    the token subject (an account id; never a NIK)
 * @param village   10-digit village code; null only for admin-kecamatan
 * @param kecamatan 6-digit kecamatan code of an admin-kecamatan, else null
 * @param villages  the villages an admin-kecamatan administers, else empty
 * @param dusun     the dusun a kadus heads, else null
 * @param nik       a resident's NIK, else null
 */
public record Actor(String userId, String name, String village, String kecamatan, List<String> villages,
        Set<String> roles, String dusun, String nik) {

    public Actor {
        Objects.requireNonNull(userId, "userId");
        villages = villages == null ? List.of() : List.copyOf(villages);
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public static Actor resident(String userId, String name, String nik, String village) {
        return new Actor(userId, name, village, null, List.of(), Set.of(Roles.WARGA), null, nik);
    }

    public static Actor official(String userId, String name, String village, Set<String> roles, String dusun) {
        return new Actor(userId, name, village, null, List.of(), roles, dusun, null);
    }

    public static Actor kecamatanAdmin(String userId, String name, String kecamatan, List<String> villages) {
        return new Actor(userId, name, null, kecamatan, villages, Set.of(Roles.ADMIN_KECAMATAN), null, null);
    }

    public boolean isResident() {
        return roles.contains(Roles.WARGA);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(String... wanted) {
        for (String role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** An official (any role) of exactly this village; admin-kecamatan is not, it administers from outside. */
    public boolean worksIn(String villageCode) {
        return !isResident() && village != null && village.equals(villageCode);
    }

    /** May administer this village: admin-desa of it, or admin-kecamatan of its kecamatan. */
    public boolean administers(String villageCode) {
        if (villageCode == null) {
            return false;
        }
        return hasRole(Roles.ADMIN_DESA) && villageCode.equals(village)
                || hasRole(Roles.ADMIN_KECAMATAN) && villages.contains(villageCode);
    }

    /** The resident owning this NIK (e.g. a request's applicant), compared in full. */
    public boolean isApplicant(String nikOfApplicant) {
        return isResident() && nik != null && nik.equals(nikOfApplicant);
    }

    /**
     * The approval candidate groups this actor works: {@code desa:<village>:<role>} per official role, plus
     * {@code desa:<village>:kadus:<dusun-slug>} for a kadus with a dusun. Residents and admin-kecamatan have none.
     */
    public Set<String> candidateGroups() {
        Set<String> groups = new LinkedHashSet<>();
        if (isResident() || village == null) {
            return groups;
        }
        for (String role : Roles.OFFICIALS) {
            if (roles.contains(role) && !Roles.ADMIN_KECAMATAN.equals(role)) {
                groups.add("desa:" + village + ":" + role);
            }
        }
        if (roles.contains(Roles.KADUS) && dusun != null && !dusun.isBlank()) {
            groups.add("desa:" + village + ":kadus:" + slug(dusun));
        }
        return groups;
    }

    /** {@code Bandung Kidul} becomes {@code bandung-kidul}: the dusun part of a kadus candidate group. */
    public static String slug(String dusun) {
        return dusun.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
    }

    /** The claims a token for this actor carries (what the identity service issues, what TestTokens mints). */
    public Map<String, Object> claims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", userId);
        if (name != null) {
            claims.put(Claims.NAME, name);
        }
        if (village != null) {
            claims.put(Claims.VILLAGE, village);
        }
        if (kecamatan != null) {
            claims.put(Claims.KECAMATAN, kecamatan);
            claims.put(Claims.VILLAGES, villages);
        }
        claims.put(Claims.ROLES, orderedRoles());
        if (dusun != null) {
            claims.put(Claims.DUSUN, dusun);
        }
        if (nik != null) {
            claims.put(Claims.NIK, nik);
        }
        return claims;
    }

    private List<String> orderedRoles() {
        List<String> ordered = new ArrayList<>();
        Roles.OFFICIALS.stream().filter(roles::contains).forEach(ordered::add);
        roles.stream().filter(r -> !ordered.contains(r)).sorted().forEach(ordered::add);
        return ordered;
    }

    /** Never prints the NIK in full: actors end up in logs and exception messages. */
    @Override
    public String toString() {
        return "Actor[userId=" + userId + ", village=" + village + ", kecamatan=" + kecamatan + ", roles="
                + orderedRoles() + (dusun == null ? "" : ", dusun=" + dusun)
                + (nik == null ? "" : ", nik=" + Masking.nik(nik)) + "]";
    }
}
