package id.desaflow.intake.request;

import id.desaflow.contracts.events.ApprovalTaskCompleted;
import id.desaflow.contracts.events.ApprovalTaskCreated;
import id.desaflow.contracts.events.Applicant;
import id.desaflow.contracts.events.CheckResult;
import id.desaflow.contracts.events.LetterIssued;
import id.desaflow.contracts.events.NotificationDelivered;
import id.desaflow.contracts.events.NotificationFailed;
import id.desaflow.contracts.events.RequestCancelled;
import id.desaflow.contracts.events.RequestRejected;
import id.desaflow.contracts.events.RequestRevised;
import id.desaflow.contracts.events.RequestSubmitted;
import id.desaflow.contracts.events.RequestVerified;
import id.desaflow.contracts.events.RevisionRequested;
import id.desaflow.contracts.events.VerificationFailed;
import id.desaflow.platform.outbox.AggregateRoot;
import id.desaflow.platform.web.ProblemException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A resident's letter request and the status/timeline they see. The only place its status changes: resident
 * commands refuse illegal transitions (409), consumed events are idempotent by event id and tolerate arriving out of
 * order across topics (status never moves backwards, terminal states stay terminal, the timeline still records).
 */
@Document("letter_requests")
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
    /** Who entered it (resident or counter operator), from the {@link CurrentActor} seam; for the audit trail. */
    private String submittedBy;
    private RequestStatus status;
    private int revision;
    private String revisionComment;
    private String rejectionReason;
    private String letterNumber;
    private List<TimelineEntry> timeline = new ArrayList<>();
    private Instant createdAt;
    private Instant updatedAt;

    private LetterRequest() {
        // for the MongoDB mapping
    }

    static LetterRequest submit(String id, String trackingCode, String letterType, String villageCode,
            Applicant applicant, Map<String, String> data, Channel channel, String submittedBy, Instant now) {
        LetterRequest request = new LetterRequest();
        request.id = id;
        request.trackingCode = trackingCode;
        request.letterType = letterType;
        request.villageCode = villageCode;
        request.applicant = applicant;
        request.data = Map.copyOf(data);
        request.channel = channel;
        request.submittedBy = submittedBy;
        request.status = RequestStatus.DIAJUKAN;
        request.createdAt = now;
        request.updatedAt = now;
        request.record(now, "SUBMITTED", channel == Channel.COUNTER ? "Permohonan diajukan di kantor desa"
                : "Permohonan diajukan secara daring", null);
        request.publish(new RequestSubmitted(id, trackingCode, letterType, villageCode, applicant, request.data,
                channel.name(), now));
        return request;
    }

    // --- the resident's commands -------------------------------------------------------------------------------

    void revise(Map<String, String> newData, Instant now) {
        if (status != RequestStatus.PERLU_PERBAIKAN) {
            throw ProblemException.conflict("request-not-revisable", "Permohonan hanya dapat diperbaiki saat "
                    + "berstatus \"Perlu perbaikan\"; status sekarang \"" + status.label() + "\"",
                    Map.of("status", status.name()));
        }
        revision++;
        data = Map.copyOf(newData);
        status = RequestStatus.DIAJUKAN;
        revisionComment = null;
        updatedAt = now;
        record(now, "REVISED", "Permohonan diperbaiki (perbaikan ke-" + revision + ")", null);
        publish(new RequestRevised(id, trackingCode, letterType, villageCode, revision, applicant, data, now));
    }

    void cancel(String reason, Instant now) {
        if (status.terminal()) {
            throw ProblemException.conflict("request-not-cancellable", "Permohonan berstatus \"" + status.label()
                    + "\" tidak dapat dibatalkan", Map.of("status", status.name()));
        }
        status = RequestStatus.DIBATALKAN;
        updatedAt = now;
        // the reason is the resident's own words and may name people: it goes to the event, not the public timeline
        record(now, "CANCELLED", "Permohonan dibatalkan oleh pemohon", null);
        publish(new RequestCancelled(id, reason, now));
    }

    // --- consumed events: each returns false when the event was already handled (a redelivery) -----------------

    boolean on(String eventId, RequestVerified e) {
        return handle(eventId, () -> {
            record(e.verifiedAt(), "VERIFIED", e.revision() > 0 ? "Data perbaikan terverifikasi"
                    : "Data permohonan terverifikasi", null);
            // a verification of an older revision, or one overtaken by a revision request, must not move status
            if (e.revision() == revision && status == RequestStatus.DIAJUKAN) {
                status = RequestStatus.MENUNGGU_PERSETUJUAN;
            }
        });
    }

    boolean on(String eventId, VerificationFailed e) {
        String reasons = e.reasons().stream().filter(r -> !r.passed()).map(CheckResult::message)
                .collect(Collectors.joining("; "));
        return handle(eventId, () -> {
            record(e.failedAt(), "VERIFICATION_FAILED", "Verifikasi data tidak lolos", reasons);
            if (e.revision() == revision && !status.terminal() && status != RequestStatus.PERLU_PERBAIKAN) {
                status = RequestStatus.DITOLAK;
                rejectionReason = reasons;
            }
        });
    }

    boolean on(String eventId, ApprovalTaskCreated e) {
        String position = Positions.of(e.role(), e.taskName());
        boolean signature = Positions.SIGNER_ROLE.equals(e.role());
        return handle(eventId, () -> {
            record(e.createdAt(), "TASK_CREATED", (signature ? "Menunggu tanda tangan " : "Menunggu persetujuan ")
                    + position, null);
            // only the resident's revision leaves PERLU_PERBAIKAN
            RequestStatus target = signature ? RequestStatus.MENUNGGU_TANDA_TANGAN
                    : RequestStatus.MENUNGGU_PERSETUJUAN;
            if (status != RequestStatus.PERLU_PERBAIKAN && status.before(target)) {
                status = target;
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
        return handle(eventId, () -> record(e.completedAt(), "TASK_COMPLETED", text, blankToNull(e.comment())));
    }

    boolean on(String eventId, RevisionRequested e) {
        return handle(eventId, () -> {
            record(e.requestedAt(), "REVISION_REQUESTED", "Permohonan perlu diperbaiki", e.comment());
            if (!status.terminal()) {
                status = RequestStatus.PERLU_PERBAIKAN;
                revisionComment = e.comment();
            }
        });
    }

    boolean on(String eventId, RequestRejected e) {
        return handle(eventId, () -> {
            record(e.rejectedAt(), "REJECTED", "Permohonan ditolak", e.reason());
            if (!status.terminal()) {
                status = RequestStatus.DITOLAK;
                rejectionReason = e.reason();
            }
        });
    }

    boolean on(String eventId, LetterIssued e) {
        return handle(eventId, () -> {
            record(e.issuedAt(), "LETTER_ISSUED", "Surat selesai dengan nomor " + e.letterNumber()
                    + ", ditandatangani " + e.signerPosition(), null);
            if (!status.terminal()) {
                status = RequestStatus.SELESAI;
                letterNumber = e.letterNumber();
            }
        });
    }

    boolean on(String eventId, NotificationDelivered e) {
        // the recipient, even masked, stays out of the public timeline
        return handle(eventId, () -> record(e.deliveredAt(), "NOTIFICATION_DELIVERED",
                "Pemberitahuan terkirim lewat " + channelName(e.channel()), null));
    }

    boolean on(String eventId, NotificationFailed e) {
        return handle(eventId, () -> record(e.failedAt(), "NOTIFICATION_FAILED",
                "Pemberitahuan lewat " + channelName(e.channel()) + " gagal terkirim", null));
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

    private void record(Instant at, String code, String text, String detail) {
        timeline.add(new TimelineEntry(at, code, text, detail));
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

    RequestStatus status() {
        return status;
    }

    int revision() {
        return revision;
    }

    String revisionComment() {
        return revisionComment;
    }

    String rejectionReason() {
        return rejectionReason;
    }

    String letterNumber() {
        return letterNumber;
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
