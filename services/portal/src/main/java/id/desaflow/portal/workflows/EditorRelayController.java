package id.desaflow.portal.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import id.desaflow.portal.signin.Official;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the editor's script calls, on the portal's own origin: it never talks to a service. Each call is relayed to
 * the approval service as the signed-in administrator; the service's answer (problems, the new version, a refusal)
 * comes back as it is, for the script to show on the diagram.
 */
@RestController
class EditorRelayController {
    /** A BPMN chain is a few tens of KB; the approval service refuses over 1 MB anyway. */
    static final int MAX_XML_CHARS = 1024 * 1024;

    private final Workflows workflows;
    private final Administrators administrators;

    private final MessageSource messages;

    EditorRelayController(Workflows workflows, Administrators administrators, MessageSource messages) {
        this.workflows = workflows;
        this.administrators = administrators;
        this.messages = messages;
    }

    @GetMapping(path = "/admin/alur/{key}/versi/{version}/bpmn", produces = "application/xml;charset=UTF-8")
    String bpmn(@PathVariable String key, @PathVariable int version) {
        return workflows.bpmn(administrators.require(), key, version);
    }

    @PostMapping(path = "/admin/alur/{key}/periksa", consumes = {MediaType.APPLICATION_XML_VALUE,
            MediaType.TEXT_XML_VALUE}, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> check(@PathVariable String key, @RequestBody String xml) {
        Official admin = administrators.require();
        return xml.length() > MAX_XML_CHARS ? tooBig() : relayed(workflows.validate(admin, key, xml));
    }

    /** "Terapkan": cakupan "desa" (the administrator's village) or "semua" (every village, kecamatan only). */
    @PostMapping(path = "/admin/alur/{key}/terapkan", consumes = {MediaType.APPLICATION_XML_VALUE,
            MediaType.TEXT_XML_VALUE}, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> deploy(@PathVariable String key, @RequestBody String xml,
            @RequestParam(name = "cakupan", defaultValue = "desa") String scope) {
        Official admin = administrators.require();
        if ("semua".equals(scope) && !Administrators.forAllVillages(admin)) {
            return problem(HttpStatus.FORBIDDEN,
                    "Hanya admin kecamatan yang dapat menerapkan alur untuk semua desa.");
        }
        return xml.length() > MAX_XML_CHARS ? tooBig()
                : relayed(workflows.deploy(admin, key, xml, Administrators.village(admin, scope)));
    }

    /** The service's status and JSON body, without its transport headers (length, encoding, date). */
    private static ResponseEntity<JsonNode> relayed(ResponseEntity<JsonNode> answer) {
        MediaType type = answer.getHeaders().getContentType();
        return ResponseEntity.status(answer.getStatusCode())
                .contentType(type != null ? type : MediaType.APPLICATION_JSON).body(answer.getBody());
    }

    private static ResponseEntity<ProblemDetail> tooBig() {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Berkas BPMN lebih dari 1 MB.");
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }

    /** The editor's script shows the reason: the page's own refusal message, in the page's language. */
    @ExceptionHandler(Administrators.NotAnAdministrator.class)
    ResponseEntity<ProblemDetail> refused(Administrators.NotAnAdministrator e) {
        return problem(e.status(), messages.getMessage(e.messageKey(), null, LocaleContextHolder.getLocale()));
    }
}
