package id.desaflow.intake.request;

import id.desaflow.intake.catalogue.LetterType;
import id.desaflow.intake.catalogue.LetterTypes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

@RestController
@RequestMapping("/api/v1/requests")
@Tag(name = "Permohonan surat", description = "Submit a letter request, follow its status, revise or cancel it")
class RequestController {
    private final LetterRequestService service;
    private final LetterTypes letterTypes;
    private final CurrentActor actor;

    RequestController(LetterRequestService service, LetterTypes letterTypes, CurrentActor actor) {
        this.service = service;
        this.letterTypes = letterTypes;
        this.actor = actor;
    }

    @PostMapping
    @Operation(summary = "Submit a letter request (202; the status moves on by events)")
    @Parameters({
            @Parameter(in = ParameterIn.HEADER, name = CurrentActor.CHANNEL_HEADER, description = "COUNTER when an "
                    + "operator enters the request at the village office; ONLINE (default) otherwise. Interim: "
                    + "will be derived from the caller's identity", schema = @Schema(allowableValues = {"ONLINE",
                    "COUNTER"})),
            @Parameter(in = ParameterIn.HEADER, name = CurrentActor.USER_HEADER, description = "Interim acting "
                    + "user (default demo) until OAuth2 tokens")})
    ResponseEntity<Bodies.Accepted> submit(@RequestBody Bodies.Submission body) {
        LetterRequest request = service.submit(body, actor.channel(), actor.id());
        return accepted(request);
    }

    @GetMapping("/{trackingCode}")
    @Operation(summary = "Status and timeline by tracking code (no personal data; case-insensitive code)")
    Bodies.StatusView status(@PathVariable String trackingCode) {
        LetterRequest r = service.find(trackingCode);
        LetterType type = letterTypes.find(r.letterType()).orElse(null);
        RequestStatus status = r.status();
        return new Bodies.StatusView(r.id(), r.trackingCode(), status, status.label(), status.labelEn(),
                r.letterType(), type == null ? r.letterType() : type.label(), type == null ? null : type.labelEn(),
                r.villageCode(), r.createdAt(), r.updatedAt(), r.revision(),
                status == RequestStatus.SELESAI ? r.letterNumber() : null,
                status == RequestStatus.PERLU_PERBAIKAN ? r.revisionComment() : null,
                status == RequestStatus.DITOLAK ? r.rejectionReason() : null, r.timeline());
    }

    @PostMapping("/{trackingCode}/revision")
    @Operation(summary = "Resubmit corrected data after a revision was asked for (publishes RequestRevised)")
    ResponseEntity<Bodies.Accepted> revise(@PathVariable String trackingCode, @RequestBody Bodies.Revision body) {
        return accepted(service.revise(trackingCode, body));
    }

    @PostMapping("/{trackingCode}/cancellation")
    @Operation(summary = "Withdraw the request before it is finished (publishes RequestCancelled)")
    ResponseEntity<Bodies.Accepted> cancel(@PathVariable String trackingCode,
            @RequestBody(required = false) Bodies.Cancellation body) {
        return accepted(service.cancel(trackingCode, body));
    }

    private static ResponseEntity<Bodies.Accepted> accepted(LetterRequest request) {
        return ResponseEntity.accepted().location(URI.create("/api/v1/requests/" + request.trackingCode()))
                .body(Bodies.Accepted.of(request));
    }
}
