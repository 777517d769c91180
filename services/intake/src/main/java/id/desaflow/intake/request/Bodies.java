package id.desaflow.intake.request;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the request API (bodies in, answers out). */
final class Bodies {

    @Schema(description = "A new letter request")
    record Submission(
            @Schema(description = "Letter-type code", example = "surat-keterangan-usaha") String letterType,
            @Schema(description = "10-digit Kemendagri village code", example = "3309012004") String villageCode,
            ApplicantInput applicant,
            @Schema(description = "The letter type's fields, values as strings",
                    example = "{\"namaUsaha\":\"Warung Makan Sri Rejeki\",\"jenisUsaha\":\"Kuliner\","
                            + "\"alamatUsaha\":\"Dusun Bulu RT 02/RW 01\",\"mulaiUsaha\":\"2019\","
                            + "\"keperluan\":\"Pengajuan KUR\"}") Map<String, String> data) {
    }

    @Schema(description = "The resident the letter is for")
    record ApplicantInput(
            @Schema(example = "3309014508900001") String nik,
            @Schema(example = "Sri Rahayu") String name,
            @Schema(description = "optional, 08... or +628...", example = "081234567890") String phone,
            @Schema(description = "optional", example = "sri@example.id") String email) {
    }

    @Schema(description = "The corrected data after a revision was asked for")
    record Revision(Map<String, String> data) {
    }

    @Schema(description = "Why the resident withdraws the request (optional)")
    record Cancellation(@Schema(maxLength = 500) String reason) {
    }

    @Schema(description = "The request was accepted; its status moves on asynchronously")
    record Accepted(String requestId, String trackingCode, RequestStatus status, String statusLabel,
            String statusLabelEn) {
        static Accepted of(LetterRequest r) {
            return new Accepted(r.id(), r.trackingCode(), r.status(), r.status().label(), r.status().labelEn());
        }
    }

    @Schema(description = "What anyone holding the tracking code may see: no personal data")
    record StatusView(String requestId, String trackingCode, RequestStatus status, String statusLabel,
            String statusLabelEn, String letterType, String letterTypeLabel, String letterTypeLabelEn,
            String villageCode, Instant submittedAt, Instant updatedAt, int revision,
            @Schema(description = "only when SELESAI") String letterNumber,
            @Schema(description = "only when PERLU_PERBAIKAN: what to fix") String revisionComment,
            @Schema(description = "only when DITOLAK") String rejectionReason,
            List<TimelineEntry> timeline) {
    }

    private Bodies() {
    }
}
