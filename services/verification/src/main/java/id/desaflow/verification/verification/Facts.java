package id.desaflow.verification.verification;

import id.desaflow.verification.registry.Resident;

import java.util.Optional;

/** What a rule judges: the request's claims and the registry's entry for its NIK, if there is one. */
record Facts(Submission submission, Optional<Resident> resident) {

    /** The registry entry; only for rules that {@link VerificationRule#needsResident() need one}. */
    Resident registered() {
        return resident.orElseThrow();
    }
}
