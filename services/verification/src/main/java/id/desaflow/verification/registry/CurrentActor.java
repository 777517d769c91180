package id.desaflow.verification.registry;

import id.desaflow.platform.security.Actor;
import id.desaflow.platform.security.Actors;
import id.desaflow.platform.security.Roles;
import id.desaflow.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may see and change a village's population registry. The actor is the platform's {@link Actors} (the signed
 * token; in open mode the {@code X-DesaFlow-*} headers), never a request body. The registry is personal data of a
 * whole village: residents never see it; the village's officials look residents up (counter, checks); the ones
 * who keep it (operator, kasi pemerintahan, sekdes, admin desa) correct entries; imports are for its administrators.
 */
@Component
public class CurrentActor {

    /** The signed-in actor; nobody signed in is a 401 problem. */
    public Actor get() {
        return Actors.required();
    }

    String name() {
        return get().userId();
    }

    public void requireReader(String villageCode) {
        Actor me = get();
        if (!(me.worksIn(villageCode) || me.administers(villageCode))) {
            throw forbidden("Data kependudukan desa ini hanya untuk perangkat desanya");
        }
    }

    void requireKeeper(String villageCode) {
        Actor me = get();
        if (!(me.worksIn(villageCode) && me.hasAnyRole(Roles.OPERATOR, Roles.KASI_PEMERINTAHAN, Roles.SEKDES,
                Roles.ADMIN_DESA) || me.administers(villageCode))) {
            throw forbidden("Koreksi data kependudukan hanya oleh operator, kasi pemerintahan, "
                    + "sekretaris desa atau admin desa ini");
        }
    }

    void requireAdministrator(String villageCode) {
        if (!get().administers(villageCode)) {
            throw forbidden("Impor data kependudukan hanya oleh admin desa ini (atau admin "
                    + "kecamatannya)");
        }
    }

    private static ProblemException forbidden(String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Tidak diizinkan", detail, null);
    }
}
