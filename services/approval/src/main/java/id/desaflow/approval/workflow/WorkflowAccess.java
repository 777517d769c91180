package id.desaflow.approval.workflow;

import id.desaflow.platform.security.Actor;
import id.desaflow.platform.security.Roles;
import id.desaflow.platform.web.InvalidInputException;
import org.springframework.security.access.AccessDeniedException;

import java.util.regex.Pattern;

/** Who may administer workflows where: admin-desa its own village, admin-kecamatan its villages and all villages. */
final class WorkflowAccess {
    private static final Pattern VILLAGE = Pattern.compile("\\d{10}");

    static void requireAdministrator(Actor actor) {
        if (!actor.hasAnyRole(Roles.ADMIN_DESA, Roles.ADMIN_KECAMATAN)) {
            throw new AccessDeniedException("Alur persetujuan hanya dikelola admin desa atau admin kecamatan");
        }
    }

    /** @param village the village a change applies to, null for every village */
    static void requireScope(Actor actor, String village) {
        requireAdministrator(actor);
        if (village == null) {
            if (!actor.hasRole(Roles.ADMIN_KECAMATAN)) {
                throw new AccessDeniedException("Hanya admin kecamatan yang dapat mengubah alur untuk semua desa; "
                        + "admin desa memilih desanya (parameter village)");
            }
            return;
        }
        if (!VILLAGE.matcher(village).matches()) {
            throw new InvalidInputException("village", "Kode desa harus 10 angka");
        }
        if (!actor.administers(village)) {
            throw new AccessDeniedException("Anda tidak mengelola desa " + village);
        }
    }

    /** May see this village's settings (current versions, audit entries)? Admin-kecamatan reads every village. */
    static boolean sees(Actor actor, String village) {
        return village == null || actor.hasRole(Roles.ADMIN_KECAMATAN) || actor.administers(village);
    }

    private WorkflowAccess() {
    }
}
