package id.desaflow.verification.verification;

import id.desaflow.platform.identity.Masking;
import id.desaflow.verification.rules.Finding;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** A verification as officials see it; the NIK only masked. */
record VerificationView(String requestId, String trackingCode, String letterType, String villageCode,
        @Schema(description = "0 for the submission, n for the n-th revision") int revision,
        @Schema(allowableValues = {"VERIFIED", "MANUAL_CHECK", "NEEDS_REVISION", "FAILED", "PENDING",
                "UNDECIDED"}, description = "UNDECIDED: the request ended while it was pending") String outcome,
        String dusun, ApplicantView applicant,
        @Schema(description = "checks of the latest decided revision; empty while the first one is pending")
        List<Finding> checks,
        @Schema(description = "the revision the checks were made for; null while none was decided")
        Integer checksRevision, Instant verifiedAt, Pending pending,
        @Schema(description = "false once the request ended (refused, rejected, letter issued, cancelled)")
        boolean open) {

    record ApplicantView(@Schema(example = "3309**********02") String nikMasked, String name) {
    }

    /** Waiting for Dukcapil since, why (for operators), and how many attempts so far. */
    record Pending(Instant since, String reason, int attempts, Instant lastAttemptAt) {
    }

    static VerificationView of(VerificationRecord r) {
        var applicant = r.applicant() != null ? r.applicant() : r.submission().applicant();
        return new VerificationView(r.requestId(), r.submission().trackingCode(), r.submission().letterType(),
                r.submission().villageCode(), r.revision(), r.pending() ? "PENDING"
                        : r.outcome() == null ? "UNDECIDED" : r.outcome().name(), r.dusun(),
                new ApplicantView(Masking.nik(applicant.nik()), applicant.name()), r.findings(),
                r.decidedRevision() < 0 ? null : r.decidedRevision(), r.verifiedAt(),
                r.pending() ? new Pending(r.pendingSince(), r.pendingReason(), r.attempts(), r.lastAttemptAt())
                        : null, r.open());
    }
}
