package id.desaflow.intake.request;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import id.desaflow.contracts.events.Applicant;
import id.desaflow.intake.access.Channel;
import id.desaflow.intake.access.CurrentActor;
import id.desaflow.intake.catalogue.AttachmentSpec;
import id.desaflow.intake.catalogue.LetterType;
import id.desaflow.platform.identity.Masking;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The JSON shapes of the request API (bodies in, answers out). */
final class Bodies {

    @Schema(description = "A new letter request (the JSON body, or the multipart part \"request\")")
    record Submission(
            @Schema(description = "Letter-type code", example = "surat-keterangan-usaha") String letterType,
            @Schema(description = "10-digit Kemendagri village code", example = "3309012004") String villageCode,
            ApplicantInput applicant,
            @Schema(description = "The letter type's fields, values as strings",
                    example = "{\"namaUsaha\":\"Warung Makan Sri Rejeki\",\"jenisUsaha\":\"Kuliner\","
                            + "\"alamatUsaha\":\"Dusun Bulu RT 02/RW 01\",\"mulaiUsaha\":\"2019\","
                            + "\"keperluan\":\"Pengajuan KUR\"}") Map<String, String> data,
            @Schema(description = "COUNTER only: attachment kinds the operator saw on paper (dibawa ke kantor) "
                    + "instead of an upload", example = "[\"kk\"]") List<String> attachmentsOnPaper) {
    }

    @Schema(description = "The resident the letter is for")
    record ApplicantInput(
            @Schema(example = "3309014508900001") String nik,
            @Schema(example = "Sri Rahayu") String name,
            @Schema(description = "optional; 08..., 62... or +62..., stored as +62...", example = "081234567890")
            String phone,
            @Schema(description = "optional", example = "sri@example.id") String email) {
    }

    @Schema(description = "The corrected request after a revision was asked for (JSON body or multipart part "
            + "\"request\"; file parts replace the attachments of their kind). letterType/villageCode may be sent "
            + "but cannot change; applicant (optional) may correct name and contacts, not the NIK")
    record Revision(Map<String, String> data, ApplicantInput applicant, List<String> attachmentsOnPaper,
            String letterType, String villageCode) {
    }

    @Schema(description = "Why the resident withdraws the request (optional)")
    record Cancellation(@Schema(maxLength = 500) String reason) {
    }

    @Schema(description = "The request was accepted; its status moves on asynchronously")
    record Accepted(String requestId, String trackingCode, RequestStatus status, String statusLabel,
            String statusLabelEn) {
        static Accepted of(LetterRequest r) {
            return of(r, r.status());
        }

        /** As first answered: a replay of an idempotent submission repeats the original answer. */
        static Accepted original(LetterRequest r) {
            return of(r, RequestStatus.DIAJUKAN);
        }

        private static Accepted of(LetterRequest r, RequestStatus status) {
            return new Accepted(r.id(), r.trackingCode(), status, status.label(), status.labelEn());
        }
    }

    @Schema(description = "One step of the history; label (= text) in Indonesian")
    record TimelineView(Instant at, String code, String label, String text, String detail,
            @Schema(description = "details view only: who acted (counter operator, resident account)")
            String actor) {
        static TimelineView of(TimelineEntry e, boolean withActor) {
            return new TimelineView(e.at(), e.code(), e.text(), e.text(), e.detail(),
                    withActor ? CurrentActor.display(e.actor()) : null);
        }
    }

    @Schema(description = "What anyone holding the tracking code may see: no personal data")
    record StatusView(String requestId, String trackingCode, RequestStatus status, String statusLabel,
            String statusLabelEn, String letterType, String letterLabel, String letterTypeLabel,
            String letterTypeLabelEn, String villageCode, Channel channel, Instant submittedAt, Instant updatedAt,
            int revision,
            @Schema(description = "only when SELESAI") String letterNumber,
            @Schema(description = "true when the issued letter was revoked") boolean letterRevoked,
            @Schema(description = "only when PERLU_PERBAIKAN: what to fix") List<RevisionProblem> revisionProblems,
            @Schema(description = "only when PERLU_PERBAIKAN: the official's comment") String revisionComment,
            @Schema(description = "only when DITOLAK") String rejectionReason,
            List<TimelineView> timeline) {

        static StatusView of(LetterRequest r, Optional<LetterType> type) {
            return of(r, type, false);
        }

        static StatusView of(LetterRequest r, Optional<LetterType> type, boolean withActors) {
            RequestStatus status = r.status();
            String label = type.map(LetterType::label).orElse(r.letterType());
            return new StatusView(r.id(), r.trackingCode(), status, status.label(), status.labelEn(), r.letterType(),
                    label, label, type.map(LetterType::labelEn).orElse(null), r.villageCode(), r.channel(),
                    r.createdAt(), r.updatedAt(), r.revision(),
                    status == RequestStatus.SELESAI ? r.letterNumber() : null, r.letterRevoked(),
                    status == RequestStatus.PERLU_PERBAIKAN ? r.revisionProblems() : List.of(),
                    status == RequestStatus.PERLU_PERBAIKAN ? r.revisionComment() : null,
                    status == RequestStatus.DITOLAK ? r.rejectionReason() : null,
                    r.timeline().stream().map(e -> TimelineView.of(e, withActors)).toList());
        }
    }

    @Schema(description = "The applicant as shown to the resident and officials: NIK, phone and e-mail masked")
    record ApplicantView(String nik, String name, String phone, String email) {
        static ApplicantView of(Applicant a) {
            return new ApplicantView(Masking.nik(a.nik()), a.name(), a.phone() == null ? null
                    : Masking.phone(a.phone()), a.email() == null ? null : Masking.email(a.email()));
        }
    }

    @Schema(description = "An uploaded document; download it from href")
    record AttachmentView(String id, String kind, String label, String contentType, long sizeBytes, String sha256,
            Instant uploadedAt, String href) {
    }

    @Schema(description = "A document the operator saw on paper at the office (dibawa ke kantor)")
    record PaperView(String kind, String label) {
    }

    @Schema(description = "The request for its resident and the officials of its village: the status view's fields "
            + "(timeline with actors) plus who entered it, the applicant, the data and the documents")
    record DetailsView(@JsonUnwrapped StatusView status, String submittedBy, ApplicantView applicant,
            Map<String, String> data, List<AttachmentView> attachments, List<PaperView> attachmentsOnPaper) {

        static DetailsView of(LetterRequest r, Optional<LetterType> type) {
            String base = "/api/v1/requests/" + r.trackingCode() + "/attachments/";
            List<AttachmentView> files = r.attachments().stream().map(a -> new AttachmentView(a.id(), a.kind(),
                    label(type, a.kind()), a.contentType(), a.sizeBytes(), a.sha256(), a.uploadedAt(),
                    base + a.id())).toList();
            List<PaperView> paper = r.attachmentsOnPaper().stream().map(k -> new PaperView(k, label(type, k)))
                    .toList();
            return new DetailsView(StatusView.of(r, type, true), CurrentActor.display(r.submittedBy()),
                    ApplicantView.of(r.applicant()),
                    r.data(), files, paper);
        }

        private static String label(Optional<LetterType> type, String kind) {
            return type.flatMap(t -> t.attachment(kind)).map(AttachmentSpec::label).orElse(kind);
        }
    }

    private Bodies() {
    }
}
