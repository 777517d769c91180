package id.desaflow.verification.verification;

import id.desaflow.contracts.events.CheckResult;
import id.desaflow.platform.identity.Masking;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** A verification as officials see it; the NIK only masked. */
record VerificationView(String requestId, String trackingCode, String letterType, String villageCode,
        @Schema(description = "0 for the submission, n for the n-th revision") int revision,
        Outcome outcome, String dusun, ApplicantView applicant, List<CheckResult> checks, Instant verifiedAt) {

    record ApplicantView(@Schema(example = "3309**********02") String nikMasked, String name) {
    }

    static VerificationView of(VerificationRecord r) {
        return new VerificationView(r.requestId(), r.trackingCode(), r.letterType(), r.villageCode(), r.revision(),
                r.outcome(), r.dusun(), new ApplicantView(Masking.nik(r.applicant().nik()), r.applicant().name()),
                r.checks(), r.verifiedAt());
    }
}
