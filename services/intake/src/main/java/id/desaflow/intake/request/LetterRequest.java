package id.desaflow.intake.request;

import id.desaflow.contracts.events.Applicant;
import id.desaflow.contracts.events.ApprovalTaskCompleted;
import id.desaflow.contracts.events.ApprovalTaskCreated;
import id.desaflow.contracts.events.ApprovalTaskEscalated;
import id.desaflow.contracts.events.CheckResult;
import id.desaflow.contracts.events.LetterIssued;
import id.desaflow.contracts.events.LetterRevoked;
import id.desaflow.contracts.events.NotificationDelivered;
import id.desaflow.contracts.events.NotificationFailed;
import id.desaflow.contracts.events.RequestCancelled;
import id.desaflow.contracts.events.RequestRejected;
import id.desaflow.contracts.events.RequestReturnedForRevision;
import id.desaflow.contracts.events.RequestRevised;
import id.desaflow.contracts.events.RequestSubmitted;
import id.desaflow.contracts.events.RequestVerified;
import id.desaflow.contracts.events.RevisionRequested;
import id.desaflow.contracts.events.VerificationFailed;
import id.desaflow.contracts.events.VerificationPostponed;
import id.desaflow.intake.access.Channel;
import id.desaflow.platform.outbox.AggregateRoot;
import id.desaflow.platform.web.ProblemException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A resident's letter request and the status/timeline they see. The only place its status changes: resident
 * commands refuse illegal transitions (409), consumed events are idempotent by event id and tolerate arriving out of
 * order across topics (status never moves backwards, terminal states stay terminal, the timeline still records).
 */
@Document("letter_requests")
// "my requests": a resident's by NIK (or as the one who entered them), an official's by village, newest first
@CompoundIndex(name = "applicant_newest", def = "{'applicant.nik': 1, 'createdAt': -1}")
@CompoundIndex(name = "submitter_newest", def = "{'submittedBy': 1, 'createdAt': -1}")
@CompoundIndex(name = "village_newest", def = "{'villageCode': 1, 'createdAt': -1}")
class LetterRequest extends AggregateRoot {
    @Id
    private String id;
    @Indexed(unique = true)
    private String trackingCode;
    private String letterType;
    private String villageCode;
    private Applicant applicant;
    private Map<String, String> data;
    private Channel channel;
    /** Who entered it (the resident's account, or the counter operator), from the CurrentActor seam. */
    private String submittedBy;
    private List<StoredAttachment> attachments = new ArrayList<>();
    /** Files a revision replaced: kept, since officials may have seen them and earlier events name them. */
    private List<StoredAttachment> replacedAttachments = new ArrayList<>();
    /** Documents an operator saw on paper at the office (dibawa ke kantor) instead of an upload. */
    private List<String> attachmentsOnPaper = new ArrayList<>();
    /**
     * Set only while the request is open: one open request per village, letter type and resident. The unique sparse
     * index makes this race-safe (two concurrent submissions cannot both be inserted); it is removed when the request
     * ends, so a new one may follow.
     */
    @Indexed(unique = true, sparse = true)
    private String openSlot;
    /** The client's Idempotency-Key, with the fingerprint of what was sent with it. */
    @Indexed(unique = true, sparse = true)
    private String idempotencyKey;
    private String requestFingerprint;
    private RequestStatus status;
    private int revision;
    private String revisionComment;
    private List<RevisionProblem> revisionProblems = new ArrayList<>();
    private String rejectionReason;
    private String letterNumber;
    private boolean letterRevoked;
    private List<TimelineEntry> timeline = new ArrayList<>();
    private Instant createdAt;
    private Instant updatedAt;

    private LetterRequest() {
        // for the MongoDB mapping
    }

    /** The client's idempotency key and the fingerprint of the request it came with. */
    record Idempotency(String key, String fingerprint) {
    }

    static LetterRequest submit(String id, String trackingCode, SubmissionRules.ValidSubmission valid,
            List<StoredAttachment> files, Channel channel, String submittedBy, Idempotency idempotency, Instant now) {
        LetterRequest request = new LetterRequest();
        request.id = id;
        request.trackingCode = trackingCode;
        request.letterType = valid.letterType().code();
        request.villageCode = valid.village().code();
        request.applicant = valid.applicant();
        request.data = new LinkedHashMap<>(valid.data()); // in the catalogue's field order
        request.channel = channel;
        request.submittedBy = submittedBy;
        request.attachments = new ArrayList<>(files);
        request.attachmentsOnPaper = new ArrayList<>(valid.attachmentsOnPaper());
        request.openSlot = openSlot(request.villageCode, request.letterType, request.applicant.nik());
        if (idempotency != null) {
            request.idempotencyKey = idempotency.key();
            request.requestFingerprint = idempotency.fingerprint();
        }
        request.status = RequestStatus.DIAJUKAN;
        request.createdAt = now;
        request.updatedAt = now;
        request.record(now, "SUBMITTED", channel == Channel.COUNTER ? "Permohonan diajukan di kantor desa"
                : "Permohonan diajukan secara daring", null, submittedBy);
        request.publish(new RequestSubmitted(id, trackingCode, request.letterType, request.villageCode,
                request.applicant, request.data, channel.name(), now, request.attachmentRefs(),
                request.attachmentsOnPaper()));
        return request;
    }

    /** The key of the one open request a resident may have per village and letter type (NIK hashed: it is a key). */
    static String openSlot(String villageCode, String letterType, String nik) {
        return villageCode + ":" + letterType + ":" + SubmissionRules.sha256(nik);
    }

    // --- the resident's commands -------------------------------------------------------------------------------

    void requireRevisable() {
        if (status != RequestStatus.PERLU_PERBAIKAN) {
            throw ProblemException.conflict("request-not-revisable", "Permohonan hanya dapat diperbaiki saat "
                    + "berstatus \"Perlu perbaikan\"; status sekarang \"" + status.label() + "\"",
                    Map.of("status", status.name()));
        }
    }

    void revise(SubmissionRules.ValidRevision valid, List<StoredAttachment> files, Channel via, String actor,
            Instant now) {
        requireRevisable();
        revision++;
        applicant = valid.applicant();
        data = new LinkedHashMap<>(valid.data());
        for (StoredAttachment file : files) {
            attachments.stream().filter(a -> a.kind().equals(file.kind())).forEach(replacedAttachments::add);
            attachments.removeIf(a -> a.kind().equals(file.kind()));
            attachments.add(file);
        }
        attachmentsOnPaper = new ArrayList<>(valid.attachmentsOnPaper());
        status = RequestStatus.DIAJUKAN;
        revisionComment = null;
        revisionProblems = new ArrayList<>();
        updatedAt = now;
        record(now, "REVISED", (via == Channel.COUNTER ? "Perbaikan diserahkan di kantor desa"
                : "Permohonan diperbaiki") + " (perbaikan ke-" + revision + ")", null, actor);
        publish(new RequestRevised(id, trackingCode, letterType, villageCode, revision, applicant, data, now,
                attachmentRefs(), attachmentsOnPaper()));
    }

    void cancel(String reason, Channel via, String actor, Instant now) {
        if (status.terminal()) {
            throw ProblemException.conflict("request-not-cancellable", "Permohonan berstatus \"" + status.label()
                    + "\" tidak dapat dibatalkan", Map.of("status", status.name()));
        }
        moveTo(RequestStatus.DIBATALKAN);
        updatedAt = now;
        // the reason is the resident's own words and may name people: it goes to the event, not the public timeline
        record(now, "CANCELLED", via == Channel.COUNTER ? "Permohonan dibatalkan di kantor desa"
                : "Permohonan dibatalkan oleh pemohon", null, actor);
        publish(new RequestCancelled(id, reason, now));
    }

    // --- consumed events: each returns false when the event was already handled (a redelivery) -----------------

    boolean on(String eventId, RequestVerified e) {
        return handle(eventId, () -> {
            String text = e.needsManualCheck() ? "Data diteruskan untuk diperiksa petugas desa"
                    : e.revision() > 0 ? "Data perbaikan terverifikasi" : "Data permohonan terverifikasi";
            record(e.verifiedAt(), "VERIFIED", text, null, null);
            // a verification of an older revision, or one overtaken by a revision request, must not move status
            if (e.revision() == revision && status.awaitingVerification()) {
                moveTo(RequestStatus.MENUNGGU_PERSETUJUAN);
            }
        });
    }

    boolean on(String eventId, VerificationPostponed e) {
        return handle(eventId, () -> {
            record(e.postponedAt(), "VERIFICATION_POSTPONED", "Verifikasi data tertunda dan akan dicoba lagi "
                    + "otomatis; Anda tidak perlu melakukan apa pun", null, null);
            if (e.revision() == revision && status == RequestStatus.DIAJUKAN) {
                moveTo(RequestStatus.SEDANG_DIVERIFIKASI);
            }
        });
    }

    boolean on(String eventId, RequestReturnedForRevision e) {
        List<RevisionProblem> problems = e.problems().stream().filter(p -> !p.passed())
                .map(p -> new RevisionProblem(p.rule(), p.message())).toList();
        return handle(eventId, () -> {
            record(e.returnedAt(), "RETURNED_FOR_REVISION", "Data perlu diperbaiki", messages(e.problems()), null);
            if (e.revision() == revision && status.awaitingVerification()) {
                moveTo(RequestStatus.PERLU_PERBAIKAN);
                revisionProblems = new ArrayList<>(problems);
                revisionComment = null;
            }
        });
    }

    boolean on(String eventId, VerificationFailed e) {
        String reasons = messages(e.reasons());
        return handle(eventId, () -> {
            record(e.failedAt(), "VERIFICATION_FAILED", "Verifikasi data tidak lolos", reasons, null);
            if (e.revision() == revision && !status.terminal() && status != RequestStatus.PERLU_PERBAIKAN) {
                moveTo(RequestStatus.DITOLAK);
                rejectionReason = reasons;
            }
        });
    }

    boolean on(String eventId, ApprovalTaskCreated e) {
        String position = Positions.of(e.role(), e.taskName());
        // approval marks the signing step (the kades, or a sekdes signing a.n. Kepala Desa); older events did not
        boolean signature = e.signature() != null ? e.signature() : Positions.SIGNER_ROLE.equals(e.role());
        return handle(eventId, () -> {
            record(e.createdAt(), "TASK_CREATED", (signature ? "Menunggu tanda tangan " : "Menunggu persetujuan ")
                    + position, null, null);
            // only the resident's revision leaves PERLU_PERBAIKAN
            RequestStatus target = signature ? RequestStatus.MENUNGGU_TANDA_TANGAN
                    : RequestStatus.MENUNGGU_PERSETUJUAN;
            if (status != RequestStatus.PERLU_PERBAIKAN && status.before(target)) {
                moveTo(target);
            }
        });
    }

    boolean on(String eventId, ApprovalTaskCompleted e) {
        String position = Positions.of(e.role(), e.taskName());
        String text = switch (e.decision()) {
            case "APPROVE" -> "Disetujui oleh " + position;
            case "REVISE" -> "Dikembalikan untuk perbaikan oleh " + position;
            case "REJECT" -> "Ditolak oleh " + position;
            default -> "Diputuskan oleh " + position;
        };
        // the official's name (completedBy) stays out: the timeline is public by tracking code
        return handle(eventId, () -> record(e.completedAt(), "TASK_COMPLETED", text, blankToNull(e.comment()), null));
    }

    boolean on(String eventId, ApprovalTaskEscalated e) {
        // an internal matter of the office; the resident only learns that their request is being pushed along
        return handle(eventId, () -> record(e.escalatedAt(), "TASK_ESCALATED", "Permohonan diprioritaskan karena "
                + "melewati batas waktu layanan", null, null));
    }

    /**
     * An official asked for a correction. Their note is the revision comment, and the timeline shows it once, with
     * their decision (TASK_COMPLETED); problems are what verification found, so the resident does not read it twice.
     */
    boolean on(String eventId, RevisionRequested e) {
        return handle(eventId, () -> {
            record(e.requestedAt(), "REVISION_REQUESTED", "Permohonan perlu diperbaiki", null, null);
            if (!status.terminal()) {
                moveTo(RequestStatus.PERLU_PERBAIKAN);
                revisionComment = e.comment();
                revisionProblems = new ArrayList<>();
            }
        });
    }

    boolean on(String eventId, RequestRejected e) {
        return handle(eventId, () -> {
            record(e.rejectedAt(), "REJECTED", "Permohonan ditolak", e.reason(), null);
            if (!status.terminal()) {
                moveTo(RequestStatus.DITOLAK);
                rejectionReason = e.reason();
            }
        });
    }

    boolean on(String eventId, LetterIssued e) {
        return handle(eventId, () -> {
            record(e.issuedAt(), "LETTER_ISSUED", "Surat selesai dengan nomor " + e.letterNumber()
                    + ", ditandatangani " + e.signerPosition(), null, null);
            if (!status.terminal()) {
                moveTo(RequestStatus.SELESAI);
                letterNumber = e.letterNumber();
            }
        });
    }

    boolean on(String eventId, LetterRevoked e) {
        return handle(eventId, () -> {
            record(e.revokedAt(), "LETTER_REVOKED", "Surat dicabut", blankToNull(e.reason()), null);
            letterRevoked = true;
        });
    }

    boolean on(String eventId, NotificationDelivered e) {
        // the recipient, even masked, stays out of the public timeline
        return handle(eventId, () -> record(e.deliveredAt(), "NOTIFICATION_DELIVERED",
                "Pemberitahuan terkirim lewat " + channelName(e.channel()), null, null));
    }

    boolean on(String eventId, NotificationFailed e) {
        return handle(eventId, () -> record(e.failedAt(), "NOTIFICATION_FAILED",
                "Pemberitahuan lewat " + channelName(e.channel()) + " gagal terkirim", null, null));
    }

    private boolean handle(String eventId, Runnable effect) {
        if (hasHandled(eventId)) {
            return false;
        }
        effect.run();
        markHandled(eventId);
        updatedAt = Instant.now();
        return true;
    }

    /** Every status change goes through here: a request that ends frees its open slot for a new request. */
    private void moveTo(RequestStatus next) {
        status = next;
        if (next.terminal()) {
            openSlot = null;
        }
    }

    private void record(Instant at, String code, String text, String detail, String actor) {
        timeline.add(new TimelineEntry(at, code, text, detail, actor));
    }

    private List<id.desaflow.contracts.events.AttachmentRef> attachmentRefs() {
        return attachments.stream().map(StoredAttachment::ref).toList();
    }

    private static String messages(List<CheckResult> checks) {
        return checks.stream().filter(r -> !r.passed()).map(CheckResult::message).collect(Collectors.joining("; "));
    }

    private static String channelName(String channel) {
        return switch (channel) {
            case "EMAIL" -> "email";
            case "SMS" -> "SMS";
            case "WHATSAPP" -> "WhatsApp";
            case "IN_APP" -> "aplikasi";
            default -> channel;
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Override
    protected String eventKey() {
        return id;
    }

    // --- read side ----------------------------------------------------------------------------------------------

    String id() {
        return id;
    }

    String trackingCode() {
        return trackingCode;
    }

    String letterType() {
        return letterType;
    }

    String villageCode() {
        return villageCode;
    }

    Applicant applicant() {
        return applicant;
    }

    Map<String, String> data() {
        return Collections.unmodifiableMap(data);
    }

    Channel channel() {
        return channel;
    }

    String submittedBy() {
        return submittedBy;
    }

    List<StoredAttachment> attachments() {
        return List.copyOf(attachments);
    }

    List<String> attachmentKinds() {
        return attachments.stream().map(StoredAttachment::kind).toList();
    }

    List<String> attachmentsOnPaper() {
        return List.copyOf(attachmentsOnPaper);
    }

    /** A file of this request, current or replaced by a revision. */
    Optional<StoredAttachment> attachment(String attachmentId) {
        return Stream.concat(attachments.stream(), replacedAttachments.stream())
                .filter(a -> a.id().equals(attachmentId)).findFirst();
    }

    String openSlot() {
        return openSlot;
    }

    String idempotencyKey() {
        return idempotencyKey;
    }

    String requestFingerprint() {
        return requestFingerprint;
    }

    RequestStatus status() {
        return status;
    }

    int revision() {
        return revision;
    }

    String revisionComment() {
        return revisionComment;
    }

    List<RevisionProblem> revisionProblems() {
        return List.copyOf(revisionProblems);
    }

    String rejectionReason() {
        return rejectionReason;
    }

    String letterNumber() {
        return letterNumber;
    }

    boolean letterRevoked() {
        return letterRevoked;
    }

    /** In the order things happened (events from different topics may have arrived in another order). */
    List<TimelineEntry> timeline() {
        return timeline.stream().sorted(Comparator.comparing(TimelineEntry::at)).toList();
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
