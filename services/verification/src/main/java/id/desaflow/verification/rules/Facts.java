package id.desaflow.verification.rules;

import id.desaflow.verification.registry.Resident;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a rule judges: the request's claims, the registry's entry for its NIK (if there is one), today's date in the
 * villages' time zone, and the lookups some rules need.
 */
record Facts(Submission submission, Optional<Resident> resident, LocalDate today,
        Function<String, Optional<Resident>> registry, OpenRequests openRequests, CivilRegistry civilRegistry) {

    /** The registry entry; only for rules that {@link VerificationRule#needsResident() need one}. */
    Resident registered() {
        return resident.orElseThrow();
    }
}
