package id.desaflow.intake.access;

import id.desaflow.platform.identity.Masking;
import id.desaflow.platform.security.Actor;
import id.desaflow.platform.security.Actors;
import id.desaflow.platform.web.InvalidInputException;
import id.desaflow.platform.web.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * Who acts, and what intake lets them do. The actor is the platform's {@link Actors}: the signed token's subject,
 * village, roles and NIK (or, in open mode only, the {@code X-DesaFlow-User} / {@code X-DesaFlow-Groups} headers),
 * never anything from a request body. The rules live here so every endpoint applies the same ones:
 * <ul>
 * <li>a resident enters requests for themselves, online;</li>
 * <li>an official (any role) enters requests for residents of their own village, at the counter or online;</li>
 * <li>a request's personal data is for its applicant, whoever entered it, its village's officials and the
 * administrators of that village.</li>
 * </ul>
 */
@Component
public class CurrentActor {
    /** {@code COUNTER} when an official enters a request at the village office for a resident. */
    public static final String CHANNEL_HEADER = "X-DesaFlow-Channel";
    /** Ids stored before sign-in existed named residents as {@code nik:<NIK>}. */
    private static final String LEGACY_RESIDENT_PREFIX = "nik:";

    private final HttpServletRequest request; // a proxy to the current request

    CurrentActor(HttpServletRequest request) {
        this.request = request;
    }

    /** The signed-in actor; nobody signed in is a 401 problem. */
    public Actor get() {
        return Actors.required();
    }

    public String id() {
        return get().userId();
    }

    /** An actor id fit for logs and officials' screens: never a NIK in full. */
    public static String display(String actorId) {
        return actorId != null && actorId.startsWith(LEGACY_RESIDENT_PREFIX)
                ? LEGACY_RESIDENT_PREFIX + Masking.nik(actorId.substring(LEGACY_RESIDENT_PREFIX.length())) : actorId;
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

    /** May {@code actor} enter a request of this applicant in this village through this channel? */
    public static void requireSubmitter(Actor actor, String villageCode, String applicantNik, Channel channel) {
        if (actor.isResident()) {
            if (channel == Channel.COUNTER) {
                throw forbidden("Hanya petugas desa yang dapat mencatat permohonan di loket");
            }
            if (!actor.isApplicant(applicantNik)) {
                throw forbidden("Warga hanya dapat mengajukan surat untuk dirinya sendiri (NIK akun yang masuk)");
            }
            return;
        }
        if (!actor.worksIn(villageCode)) {
            throw forbidden("Hanya perangkat desa ini yang dapat mencatat permohonan untuk warganya");
        }
    }

    /** A request's data and files: its applicant, whoever entered it, its village's officials and administrators. */
    public void requireAccess(String villageCode, String enteredBy, String applicantNik) {
        Actor me = get();
        if (!(me.userId().equals(enteredBy) || me.isApplicant(applicantNik) || me.worksIn(villageCode)
                || me.administers(villageCode))) {
            throw forbidden("Data permohonan ini hanya dapat dibuka oleh pemohon dan perangkat desanya");
        }
    }

    public void requireOfficialOf(String villageCode) {
        Actor me = get();
        if (!(me.worksIn(villageCode) || me.administers(villageCode))) {
            throw forbidden("Hanya perangkat desa ini yang dapat membuka data ini");
        }
    }

    public void requireAdministratorOf(String villageCode) {
        if (!get().administers(villageCode)) {
            throw forbidden("Hanya admin desa ini (atau admin kecamatannya) yang dapat mengubah pengaturan desa");
        }
    }

    private static ProblemException forbidden(String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Tidak diizinkan", detail, null);
    }
}
