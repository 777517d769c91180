package id.desaflow.platform.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an {@link Actor} from token claims, refusing any claim whose shape could widen or blur what the token
 * grants (a malformed village code, a resident token without a NIK, a resident who is also an official...).
 */
final class ActorClaims {
    private static final Pattern VILLAGE = Pattern.compile("\\d{10}");
    private static final Pattern KECAMATAN = Pattern.compile("\\d{6}");
    private static final Pattern NIK = Pattern.compile("\\d{16}");

    /** Thrown with a reason for the {@code invalid_token} error; the reason names a claim, never its value. */
    static final class InvalidClaims extends RuntimeException {
        InvalidClaims(String reason) {
            super(reason);
        }
    }

    static Actor read(Map<String, Object> claims) {
        String sub = string(claims, "sub");
        if (sub == null || sub.isBlank()) {
            throw new InvalidClaims("sub is missing");
        }
        Set<String> roles = new LinkedHashSet<>();
        // unknown roles (e.g. from a kabupaten SSO) grant nothing here, so they are dropped rather than refused
        strings(claims, Claims.ROLES, true).stream().filter(Roles.ALL::contains).forEach(roles::add);
        String village = string(claims, Claims.VILLAGE);
        if (village != null && !VILLAGE.matcher(village).matches()) {
            throw new InvalidClaims("village is not a 10-digit village code");
        }
        String nik = string(claims, Claims.NIK);
        if (nik != null && !NIK.matcher(nik).matches()) {
            throw new InvalidClaims("nik is not 16 digits");
        }
        String kecamatan = string(claims, Claims.KECAMATAN);
        if (kecamatan != null && !KECAMATAN.matcher(kecamatan).matches()) {
            throw new InvalidClaims("kecamatan is not a 6-digit kecamatan code");
        }
        List<String> villages = strings(claims, Claims.VILLAGES, false);
        for (String v : villages) {
            if (!VILLAGE.matcher(v).matches() || kecamatan == null || !v.startsWith(kecamatan)) {
                throw new InvalidClaims("villages must be 10-digit codes inside the kecamatan");
            }
        }
        if (roles.contains(Roles.WARGA)) {
            if (roles.size() > 1) {
                throw new InvalidClaims("a resident token carries no official role");
            }
            if (nik == null) {
                throw new InvalidClaims("a resident token needs nik");
            }
        } else if (nik != null) {
            throw new InvalidClaims("nik belongs in resident tokens only");
        }
        if (roles.contains(Roles.ADMIN_KECAMATAN) && (kecamatan == null || villages.isEmpty())) {
            throw new InvalidClaims("admin-kecamatan needs kecamatan and villages");
        }
        boolean villageRole = roles.stream().anyMatch(r -> !Roles.ADMIN_KECAMATAN.equals(r) && !Roles.WARGA.equals(r));
        if (villageRole && village == null) {
            throw new InvalidClaims("an official token needs village");
        }
        return new Actor(sub, string(claims, Claims.NAME), village, kecamatan, villages, roles,
                string(claims, Claims.DUSUN), nik);
    }

    private static String string(Map<String, Object> claims, String name) {
        Object value = claims.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return s;
        }
        throw new InvalidClaims(name + " is not a string");
    }

    private static List<String> strings(Map<String, Object> claims, String name, boolean required) {
        Object value = claims.get(name);
        if (value == null) {
            if (required) {
                throw new InvalidClaims(name + " is missing");
            }
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new InvalidClaims(name + " is not a list");
        }
        List<String> result = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String s)) {
                throw new InvalidClaims(name + " holds a non-string");
            }
            result.add(s);
        }
        return result;
    }

    private ActorClaims() {
    }
}
