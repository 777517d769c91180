package id.desaflow.intake.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import id.desaflow.intake.access.Channel;
import id.desaflow.intake.access.CurrentActor;
import id.desaflow.platform.security.Actor;
import id.desaflow.intake.attachment.AttachmentStore;
import id.desaflow.intake.catalogue.FieldKind;
import id.desaflow.intake.catalogue.LetterField;
import id.desaflow.intake.catalogue.LetterTypes;
import id.desaflow.platform.web.InvalidInputException;
import id.desaflow.platform.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The resident's use cases. Each saves the aggregate once: its new state and the events it caused, atomically.
 * Attachments are stored before that save (so the events can name them) and deleted again if it fails.
 */
@Service
class LetterRequestService {
    private static final Logger log = LoggerFactory.getLogger(LetterRequestService.class);
    private static final Pattern TRACKING_CODE = Pattern.compile("[A-Z0-9-]{6,20}");
    /** Printable ASCII: what clients put in the header in practice (UUIDs, ULIDs, random tokens). */
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,128}");
    private static final LetterField REASON = new LetterField("reason", "Alasan pembatalan", "Reason", false,
            FieldKind.TEXTAREA, 500, null, null, null, null, null, null, null, null);
    private static final int ATTEMPTS = 5;

    private final LetterRequests requests;
    private final SubmissionRules rules;
    private final TrackingCodes trackingCodes;
    private final AttachmentStore store;
    private final LetterTypes letterTypes;
    private final ObjectMapper canonicalJson;

    LetterRequestService(LetterRequests requests, SubmissionRules rules, TrackingCodes trackingCodes,
            AttachmentStore store, LetterTypes letterTypes, ObjectMapper json) {
        this.requests = requests;
        this.rules = rules;
        this.trackingCodes = trackingCodes;
        this.store = store;
        this.letterTypes = letterTypes;
        this.canonicalJson = json.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }

    /** The answer to a submission, and whether it repeats an earlier one (same Idempotency-Key, same request). */
    record Submitted(Bodies.Accepted accepted, boolean replayed) {
    }

    Submitted submit(Bodies.Submission body, List<Upload> uploads, Channel channel, Actor submitter,
            String idempotencyKey) {
        String actor = submitter.userId();
        LetterRequest.Idempotency idempotency = idempotency(idempotencyKey, body, uploads, channel, actor);
        if (idempotency != null) {
            Optional<LetterRequest> earlier = requests.findByIdempotencyKey(idempotency.key());
            if (earlier.isPresent()) {
                return replay(earlier.get(), idempotency);
            }
        }
        SubmissionRules.ValidSubmission valid = rules.check(body, uploads, channel);
        // after the input checks (a bad form is a 400 whoever sends it), before anything is stored
        CurrentActor.requireSubmitter(submitter, valid.village().code(), valid.applicant().nik(), channel);
        String slot = LetterRequest.openSlot(valid.village().code(), valid.letterType().code(),
                valid.applicant().nik());
        Optional<LetterRequest> open = requests.findByOpenSlot(slot);
        if (open.isPresent()) {
            return slotTaken(open.get(), idempotency);
        }
        String id = UUID.randomUUID().toString();
        List<StoredAttachment> files = storeFiles(id, valid.files(), actor);
        try {
            LetterRequest saved = insert(id, valid, files, channel, actor, idempotency);
            store.confirm(files.stream().map(StoredAttachment::id).toList());
            log.info("Request {} submitted: {} {} via {} by {} with {} attachment(s)", saved.id(),
                    saved.trackingCode(), saved.letterType(), channel, CurrentActor.display(actor), files.size());
            return new Submitted(Bodies.Accepted.original(saved), false);
        } catch (DuplicateKeyException e) {
            // a concurrent submission won the race for the same idempotency key or the same open slot
            discard(files);
            if (idempotency != null) {
                Optional<LetterRequest> winner = requests.findByIdempotencyKey(idempotency.key());
                if (winner.isPresent()) {
                    return replay(winner.get(), idempotency);
                }
            }
            return slotTaken(requests.findByOpenSlot(slot).orElseThrow(() -> e), idempotency);
        } catch (RuntimeException e) {
            discard(files);
            throw e;
        }
    }

    /** The newest requests this actor may list: a resident's own, an official's or administrator's villages'. */
    List<LetterRequest> visibleTo(Actor me) {
        if (me.isResident()) {
            return requests.findTop50ByApplicantNikOrSubmittedByOrderByCreatedAtDesc(me.nik(), me.userId());
        }
        List<String> villages = me.village() != null ? List.of(me.village()) : me.villages();
        return villages.isEmpty() ? List.of() : requests.findTop50ByVillageCodeInOrderByCreatedAtDesc(villages);
    }

    LetterRequest find(String trackingCode) {
        // codes are stored upper-case; residents copy them from paper or SMS in any case
        String code = trackingCode == null ? "" : trackingCode.strip().toUpperCase(Locale.ROOT);
        Optional<LetterRequest> found = TRACKING_CODE.matcher(code).matches() ? requests.findByTrackingCode(code)
                : Optional.empty();
        return found.orElseThrow(() -> ProblemException.notFound("Permohonan " + trackingCode));
    }

    LetterRequest revise(LetterRequest current, Bodies.Revision body, List<Upload> uploads, Channel channel,
            String actor) {
        current.requireRevisable(); // before storing any file
        SubmissionRules.ValidRevision valid = rules.checkRevision(current, body, uploads, channel);
        List<StoredAttachment> files = storeFiles(current.id(), valid.files(), actor);
        try {
            LetterRequest saved = change(current, r -> r.revise(valid, files, channel, actor, Instant.now()));
            store.confirm(files.stream().map(StoredAttachment::id).toList());
            log.info("Request {} revised (revision {}) via {} by {}", saved.id(), saved.revision(), channel,
                    CurrentActor.display(actor));
            return saved;
        } catch (RuntimeException e) {
            discard(files);
            throw e;
        }
    }

    LetterRequest cancel(LetterRequest current, Bodies.Cancellation body, Channel channel, String actor) {
        InputProblems problems = new InputProblems();
        String reason = problems.check("reason", REASON, body == null ? null : body.reason());
        problems.throwIfAny();
        LetterRequest saved = change(current, r -> r.cancel(reason, channel, actor, Instant.now()));
        log.info("Request {} cancelled via {} by {}", saved.id(), channel, CurrentActor.display(actor));
        return saved;
    }

    private LetterRequest insert(String id, SubmissionRules.ValidSubmission valid, List<StoredAttachment> files,
            Channel channel, String actor, LetterRequest.Idempotency idempotency) {
        for (int attempt = 1; ; attempt++) {
            LetterRequest request = LetterRequest.submit(id, trackingCodes.next(valid.letterType().trackingPrefix()),
                    valid, files, channel, actor, idempotency, Instant.now());
            try {
                return requests.insert(request);
            } catch (DuplicateKeyException e) {
                // only a taken tracking code is worth another draw; the other unique keys are the caller's business
                if (attempt == ATTEMPTS || !requests.existsByTrackingCode(request.trackingCode())) {
                    throw e;
                }
                log.info("Tracking code {} already taken, drawing another", request.trackingCode());
            }
        }
    }

    private List<StoredAttachment> storeFiles(String requestId, List<SubmissionRules.CheckedFile> files, String actor) {
        List<StoredAttachment> stored = new ArrayList<>();
        try {
            for (SubmissionRules.CheckedFile f : files) {
                var file = store.store(requestId, f.kind(), f.contentType(), f.bytes(), f.sha256());
                stored.add(new StoredAttachment(file.id(), f.kind(), f.contentType(), file.sizeBytes(), f.sha256(),
                        file.uploadedAt(), actor));
            }
            return stored;
        } catch (RuntimeException e) {
            discard(stored);
            throw e;
        }
    }

    /** Deletes files whose request was not saved; what fails here the orphan sweep removes later. */
    private void discard(List<StoredAttachment> files) {
        try {
            store.delete(files.stream().map(StoredAttachment::id).toList());
        } catch (RuntimeException e) {
            log.warn("Could not delete {} unsaved attachment(s) now; the orphan sweep will", files.size(), e);
        }
    }

    private Submitted replay(LetterRequest earlier, LetterRequest.Idempotency idempotency) {
        if (!earlier.requestFingerprint().equals(idempotency.fingerprint())) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
                    "Idempotency-Key sudah dipakai", "Idempotency-Key ini sudah dipakai untuk permohonan dengan isi "
                    + "berbeda; gunakan kunci baru untuk permohonan baru", null);
        }
        log.info("Request {} re-sent with the same Idempotency-Key: answering as before", earlier.id());
        return new Submitted(Bodies.Accepted.original(earlier), true);
    }

    /** The resident already has this request open: a retry of the very submission is answered as before, else 409. */
    private Submitted slotTaken(LetterRequest open, LetterRequest.Idempotency idempotency) {
        if (idempotency != null && idempotency.key().equals(open.idempotencyKey())) {
            return replay(open, idempotency);
        }
        throw openRequestExists(open);
    }

    private ProblemException openRequestExists(LetterRequest open) {
        String label = letterTypes.find(open.letterType()).map(t -> t.label()).orElse(open.letterType());
        return ProblemException.conflict("open-request-exists", "Masih ada permohonan " + label + " untuk NIK ini "
                + "yang sedang diproses, dengan kode lacak " + open.trackingCode() + ". Tunggu sampai selesai atau "
                + "batalkan dulu permohonan itu", Map.of("existingTrackingCode", open.trackingCode()));
    }

    /**
     * The key with a fingerprint of everything that makes the request what it is: the body, every file's SHA-256,
     * the channel and the acting user (so someone else's key never returns someone else's tracking code).
     */
    private LetterRequest.Idempotency idempotency(String key, Bodies.Submission body, List<Upload> uploads,
            Channel channel, String actor) {
        if (key == null) {
            return null;
        }
        if (!IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw new InvalidInputException("Idempotency-Key", "Idempotency-Key harus 1-128 karakter ASCII tanpa "
                    + "spasi");
        }
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("body", body);
        what.put("files", uploads.stream().sorted(Comparator.comparing(Upload::part))
                .map(u -> u.part() + "=" + SubmissionRules.sha256(u.bytes())).toList());
        what.put("channel", channel);
        what.put("actor", actor);
        try {
            return new LetterRequest.Idempotency(key, SubmissionRules.sha256(canonicalJson.writeValueAsString(what)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A parsed request always serialises", e);
        }
    }

    /** Applies a command; if an event handler saved the request meanwhile, reloads and applies it again. */
    private LetterRequest change(LetterRequest request, Consumer<LetterRequest> command) {
        for (int attempt = 1; ; attempt++) {
            command.accept(request);
            try {
                return requests.save(request);
            } catch (OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                request = requests.findById(request.id()).orElseThrow();
            }
        }
    }
}
