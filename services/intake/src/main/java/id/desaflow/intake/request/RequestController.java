package id.desaflow.intake.request;

import id.desaflow.intake.access.CurrentActor;
import id.desaflow.intake.attachment.AttachmentStore;
import id.desaflow.intake.catalogue.LetterType;
import id.desaflow.intake.catalogue.VillageLetterTypes;
import id.desaflow.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@RestController
@RequestMapping("/api/v1/requests")
@Tag(name = "Permohonan surat", description = "Submit a letter request, follow its status, revise or cancel it")
class RequestController {
    static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    private static final Logger log = LoggerFactory.getLogger(RequestController.class);

    private final LetterRequestService service;
    private final RequestReader reader;
    /** The letter type as the request's village defines it: its own labels and fields. */
    private final VillageLetterTypes letterTypes;
    private final AttachmentStore store;
    private final CurrentActor actor;

    RequestController(LetterRequestService service, RequestReader reader, VillageLetterTypes letterTypes,
            AttachmentStore store, CurrentActor actor) {
        this.service = service;
        this.reader = reader;
        this.letterTypes = letterTypes;
        this.store = store;
        this.actor = actor;
    }

    /** Documents the multipart shape (the controller reads the parts itself). */
    @Schema(description = "Part \"request\" (application/json) plus one file part per attachment, named by its kind "
            + "(ktp, kk, pengantar-rt, foto-usaha, ...): JPEG, PNG or PDF, checked by content")
    record MultipartRequest(@Schema(implementation = Bodies.Submission.class) String request,
            @Schema(type = "string", format = "binary", description = "e.g. the KTP scan") String ktp,
            @Schema(name = "pengantar-rt", type = "string", format = "binary", description = "e.g. the RT/RW cover letter")
            String pengantarRt) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Submit a letter request without attachments (202; the status moves on by events)")
    @Parameters({
            @Parameter(in = ParameterIn.HEADER, name = CurrentActor.CHANNEL_HEADER, description = "COUNTER when an "
                    + "operator enters the request at the village office; ONLINE (default) otherwise",
                    schema = @Schema(allowableValues = {"ONLINE", "COUNTER"})),
            @Parameter(in = ParameterIn.HEADER, name = IDEMPOTENCY_HEADER, description = "Same key + same request "
                    + "= the same answer, no second request; same key + another request = 422")})
    ResponseEntity<Bodies.Accepted> submit(@RequestBody Bodies.Submission body,
            @RequestHeader(name = IDEMPOTENCY_HEADER, required = false) String idempotencyKey) {
        return submitted(service.submit(body, List.of(), actor.channel(), actor.get(), idempotencyKey));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Submit a letter request with attachments (multipart: part \"request\" + one file per kind)",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                    schema = @Schema(implementation = MultipartRequest.class))))
    ResponseEntity<Bodies.Accepted> submitWithAttachments(HttpServletRequest request,
            @RequestHeader(name = IDEMPOTENCY_HEADER, required = false) String idempotencyKey) {
        RequestReader.Multipart<Bodies.Submission> parts = reader.read(request, Bodies.Submission.class);
        return submitted(service.submit(parts.body(), parts.uploads(), actor.channel(), actor.get(), idempotencyKey));
    }

    @GetMapping
    @Operation(summary = "My requests, newest first (at most 50): a resident's own (as applicant or as the one who "
            + "entered them), an official's village's, an admin-kecamatan's villages'")
    List<Bodies.StatusView> mine() {
        List<LetterRequest> found = service.visibleTo(actor.get());
        // up to 50 requests, mostly of a few letter types: each village's version is read once, not per request
        Map<List<String>, Optional<LetterType>> types = new HashMap<>();
        return found.stream().map(r -> Bodies.StatusView.of(r, types.computeIfAbsent(
                List.of(r.villageCode(), r.letterType()), k -> letterTypes.find(k.get(0), k.get(1))))).toList();
    }

    @GetMapping("/{trackingCode}")
    @Operation(summary = "Status and timeline by tracking code (no personal data; case-insensitive code)")
    Bodies.StatusView status(@PathVariable String trackingCode) {
        LetterRequest r = service.find(trackingCode);
        return Bodies.StatusView.of(r, letterTypes.find(r.villageCode(), r.letterType()));
    }

    @GetMapping("/{trackingCode}/details")
    @Operation(summary = "The whole request with data, masked applicant and documents (resident or village "
            + "officials only)")
    Bodies.DetailsView details(@PathVariable String trackingCode) {
        LetterRequest r = accessible(trackingCode);
        return Bodies.DetailsView.of(r, letterTypes.find(r.villageCode(), r.letterType()));
    }

    @GetMapping("/{trackingCode}/attachments/{attachmentId}")
    @Operation(summary = "Download one document of the request (resident or village officials only)")
    ResponseEntity<byte[]> attachment(@PathVariable String trackingCode, @PathVariable String attachmentId) {
        LetterRequest r = accessible(trackingCode);
        StoredAttachment file = r.attachment(attachmentId)
                .orElseThrow(() -> ProblemException.notFound("Lampiran " + attachmentId));
        byte[] bytes = store.read(file.id()).orElseThrow(() -> {
            log.error("Attachment {} of request {} is named but not stored", file.id(), r.id());
            return ProblemException.notFound("Lampiran " + attachmentId);
        });
        String extension = switch (file.contentType()) {
            case "image/jpeg" -> "jpg";
            case "image/png" -> "png";
            default -> "pdf";
        };
        // a download, never rendered inline, never sniffed into something else: a file that slipped through the
        // content checks still cannot run in the official's browser
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(r.trackingCode() + "-" + file.kind() + "." + extension).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(bytes);
    }

    @PostMapping(value = "/{trackingCode}/revision", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Resubmit corrected data after a revision was asked for (publishes RequestRevised)")
    ResponseEntity<Bodies.Accepted> revise(@PathVariable String trackingCode, @RequestBody Bodies.Revision body) {
        LetterRequest r = accessible(trackingCode);
        return accepted(service.revise(r, body, List.of(), actor.channel(), actor.id()));
    }

    @PostMapping(value = "/{trackingCode}/revision", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Resubmit with documents: each file part replaces the attachment of its kind",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                    schema = @Schema(implementation = MultipartRequest.class))))
    ResponseEntity<Bodies.Accepted> reviseWithAttachments(@PathVariable String trackingCode,
            HttpServletRequest request) {
        LetterRequest r = accessible(trackingCode);
        RequestReader.Multipart<Bodies.Revision> parts = reader.read(request, Bodies.Revision.class);
        return accepted(service.revise(r, parts.body(), parts.uploads(), actor.channel(), actor.id()));
    }

    @PostMapping("/{trackingCode}/cancellation")
    @Operation(summary = "Withdraw the request before it is finished (publishes RequestCancelled)")
    ResponseEntity<Bodies.Accepted> cancel(@PathVariable String trackingCode,
            @RequestBody(required = false) Bodies.Cancellation body) {
        LetterRequest r = accessible(trackingCode);
        return accepted(service.cancel(r, body, actor.channel(), actor.id()));
    }

    private LetterRequest accessible(String trackingCode) {
        LetterRequest r = service.find(trackingCode);
        actor.requireAccess(r.villageCode(), r.submittedBy(), r.applicant().nik());
        return r;
    }

    private static ResponseEntity<Bodies.Accepted> submitted(LetterRequestService.Submitted submitted) {
        var response = ResponseEntity.accepted()
                .location(URI.create("/api/v1/requests/" + submitted.accepted().trackingCode()));
        if (submitted.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.body(submitted.accepted());
    }

    private static ResponseEntity<Bodies.Accepted> accepted(LetterRequest request) {
        return ResponseEntity.accepted().location(URI.create("/api/v1/requests/" + request.trackingCode()))
                .body(Bodies.Accepted.of(request));
    }
}
