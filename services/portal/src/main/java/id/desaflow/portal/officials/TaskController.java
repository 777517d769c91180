package id.desaflow.portal.officials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.desaflow.portal.backend.BackendClients;
import id.desaflow.portal.backend.Problem;
import id.desaflow.portal.catalogue.LetterCatalogue;
import id.desaflow.portal.catalogue.LetterType;
import id.desaflow.portal.signin.CurrentOfficial;
import id.desaflow.portal.signin.Official;
import id.desaflow.portal.web.Redirects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One task: the request's data with the catalogue's labels, its documents (opened through the portal, as the
 * official), what verification found, the history, and the decision: "Setujui" in one click; "Minta perbaikan" and
 * "Tolak" only with a note the resident will read.
 */
@Controller
class TaskController {
    private static final Logger log = LoggerFactory.getLogger(TaskController.class);
    private static final int COMMENT_MAX = 1000;

    private final CurrentOfficial officials;
    private final ApprovalTasks tasks;
    private final RestClient intake;
    private final RestClient verification;
    private final LetterCatalogue catalogue;
    private final MessageSource messages;
    private final ObjectMapper json;

    TaskController(CurrentOfficial officials, ApprovalTasks tasks, @BackendClients.Intake RestClient intake,
            @BackendClients.Verification RestClient verification, LetterCatalogue catalogue, MessageSource messages,
            ObjectMapper json) {
        this.officials = officials;
        this.tasks = tasks;
        this.intake = intake;
        this.verification = verification;
        this.catalogue = catalogue;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/petugas/tugas/{taskId}")
    ModelAndView detail(@PathVariable String taskId, @RequestParam(name = "kembali", required = false) String back) {
        Official official = officials.require();
        return page(official, taskId, back, null, "", HttpStatus.OK);
    }

    @PostMapping("/petugas/tugas/{taskId}/keputusan")
    ModelAndView decide(@PathVariable String taskId,
            @RequestParam(name = "decision", required = false) String decisionValue,
            @RequestParam(name = "comment", required = false) String commentValue,
            @RequestParam(name = "kembali", required = false) String back, Locale locale) {
        Official official = officials.require();
        String comment = commentValue == null ? "" : commentValue.strip();
        Optional<Decision> decision = Decision.of(decisionValue);
        if (decision.isEmpty()) {
            return page(official, taskId, back, text("officials.error.decision", locale), comment,
                    HttpStatus.BAD_REQUEST);
        }
        if (decision.get().needsComment && comment.isEmpty()) {
            return page(official, taskId, back, text("officials.error.commentRequired", locale), comment,
                    HttpStatus.BAD_REQUEST);
        }
        if (comment.length() > COMMENT_MAX) {
            return page(official, taskId, back, text("officials.error.commentTooLong", locale, COMMENT_MAX), comment,
                    HttpStatus.BAD_REQUEST);
        }
        try {
            TaskDetail current = tasks.detail(official, taskId);
            if (!current.task().claimedBy(official.id())) {
                tasks.claim(official, taskId); // deciding is doing the work: take it first, so nobody else does
            }
            tasks.complete(official, taskId, decision.get(), comment);
        } catch (HttpClientErrorException refused) {
            Problem problem = Problem.of(refused);
            String message = Optional.ofNullable(problem.fieldMessages().get("comment"))
                    .or(() -> Optional.ofNullable(problem.detail()))
                    .orElseGet(() -> text("officials.error.refused", locale));
            if (refused.getStatusCode().value() == 404) {
                return Redirects.seeOther(listWith(back, "gagal"));
            }
            return page(official, taskId, back, message, comment, HttpStatus.valueOf(refused.getStatusCode().value()));
        }
        return Redirects.seeOther(listWith(back, decision.get().name()));
    }

    /** A document of the request, fetched from intake as this official (intake checks they may see it). */
    @GetMapping("/petugas/permohonan/{trackingCode}/lampiran/{attachmentId}")
    ResponseEntity<byte[]> attachment(@PathVariable String trackingCode, @PathVariable String attachmentId) {
        Official official = officials.require();
        ResponseEntity<byte[]> file = intake.get()
                .uri("/api/v1/requests/{code}/attachments/{id}", trackingCode, attachmentId)
                .headers(CurrentOfficial.headers(official)).retrieve().toEntity(byte[].class);
        HttpHeaders headers = new HttpHeaders();
        if (file.getHeaders().getContentType() != null) {
            headers.setContentType(file.getHeaders().getContentType());
        }
        String disposition = file.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION);
        headers.set(HttpHeaders.CONTENT_DISPOSITION, disposition != null ? disposition : "attachment");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Content-Security-Policy", "default-src 'none'; sandbox");
        headers.setCacheControl("private, no-store");
        return new ResponseEntity<>(file.getBody(), headers, HttpStatus.OK);
    }

    private ModelAndView page(Official official, String taskId, String back, String error, String comment,
            HttpStatus status) {
        TaskDetail detail = tasks.detail(official, taskId);
        String trackingCode = detail.request().trackingCode() != null ? detail.request().trackingCode()
                : detail.task().trackingCode();
        JsonNode request = requestDetails(official, trackingCode);
        if (request != null && request.path("attachments").isArray()) {
            detail = detail.withDocuments(documents(request.path("attachments")),
                    documents(request.path("attachmentsOnPaper")));
        }
        if (detail.checks().isEmpty()) {
            detail = detail.withChecks(verificationChecks(official, detail.request().requestId() != null
                    ? detail.request().requestId() : detail.task().requestId()));
        }
        Optional<LetterType> type = letterType(detail.request().letterType() != null ? detail.request().letterType()
                : detail.task().letterType());
        ModelAndView page = new ModelAndView("petugas-tugas-rinci");
        page.setStatus(status);
        page.addObject("official", official);
        page.addObject("detail", detail);
        page.addObject("trackingCode", trackingCode);
        page.addObject("letterLabel", type.map(LetterType::label).orElse(null));
        page.addObject("channel", detail.request().channel() != null ? detail.request().channel()
                : request == null ? null : request.path("channel").asText(null));
        page.addObject("dataRows", dataRows(detail, type));
        page.addObject("timeline", request == null ? List.of() : timeline(request.path("timeline")));
        page.addObject("applicant", request == null ? null : request.path("applicant"));
        page.addObject("back", Redirects.localPath(back, "/petugas/tugas"));
        page.addObject("error", error);
        page.addObject("comment", comment);
        page.addObject("mine", detail.task().claimedBy(official.id()));
        return page;
    }

    /** Intake's view of the request (documents, applicant, timeline); the page still works without it. */
    private JsonNode requestDetails(Official official, String trackingCode) {
        if (trackingCode == null) {
            return null;
        }
        try {
            return intake.get().uri("/api/v1/requests/{code}/details", trackingCode)
                    .headers(CurrentOfficial.headers(official)).retrieve().body(JsonNode.class);
        } catch (RuntimeException unavailable) {
            log.warn("Request details of {} unavailable: {}", trackingCode, unavailable.toString());
            return null;
        }
    }

    /** What verification found, from the verification service when approval does not pass it on. */
    private List<TaskDetail.Check> verificationChecks(Official official, String requestId) {
        if (requestId == null) {
            return List.of();
        }
        try {
            JsonNode body = verification.get().uri("/api/v1/verifications/{id}", requestId)
                    .headers(CurrentOfficial.headers(official)).retrieve().body(JsonNode.class);
            return BackendClients.items(body == null ? null : body.path("checks"), TaskDetail.Check.class, json);
        } catch (RuntimeException unavailable) {
            log.warn("Verification of {} unavailable: {}", requestId, unavailable.toString());
            return List.of();
        }
    }

    /** The data as label: value, in the catalogue's order, labels from the catalogue. */
    private static List<Map.Entry<String, String>> dataRows(TaskDetail detail, Optional<LetterType> type) {
        Map<String, String> data = new LinkedHashMap<>(detail.request().data());
        List<Map.Entry<String, String>> rows = new ArrayList<>();
        type.ifPresent(t -> t.fields().forEach(f -> {
            String value = data.remove(f.name());
            if (value != null) {
                rows.add(Map.entry(f.label(), value));
            }
        }));
        data.forEach((name, value) -> rows.add(Map.entry(name, value)));
        return rows;
    }

    /** The catalogue's entry for the labels; the page still works without it. */
    private Optional<LetterType> letterType(String code) {
        try {
            return code == null ? Optional.empty() : catalogue.letterType(code);
        } catch (RuntimeException unavailable) {
            log.warn("Catalogue unavailable for the task page: {}", unavailable.toString());
            return Optional.empty();
        }
    }

    private List<TaskDetail.Document> documents(JsonNode array) {
        return BackendClients.items(array, TaskDetail.Document.class, json);
    }

    /** Intake's timeline entry, with the actor (masked for residents) officials may see. */
    record TimelineEntry(String at, String code, String text, String label, String detail, String actor) {
        public String words() {
            return text != null ? text : label;
        }
    }

    private List<TimelineEntry> timeline(JsonNode array) {
        return BackendClients.items(array, TimelineEntry.class, json);
    }

    private static String listWith(String back, String result) {
        return UriComponentsBuilder.fromUriString(Redirects.localPath(back, "/petugas/tugas"))
                .replaceQueryParam("hasil", result).build().toUriString();
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
