package id.desaflow.notification.template;

import id.desaflow.contracts.events.EventType;
import id.desaflow.notification.CurrentActor;
import id.desaflow.notification.delivery.Channel;
import id.desaflow.platform.security.Actor;
import id.desaflow.platform.security.Roles;
import id.desaflow.platform.web.FieldProblem;
import id.desaflow.platform.web.InvalidInputException;
import id.desaflow.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Message templates for administrators: every message type x channel x language with its wording in use, and
 * overrides that are checked before they are stored (a template with an unknown variable would fail at sending).
 */
@RestController
@RequestMapping("/api/v1/templates")
@Tag(name = "Templat", description = "Templat pesan per jenis peristiwa, kanal dan bahasa")
class TemplateController {
    private static final Logger log = LoggerFactory.getLogger(TemplateController.class);
    private static final int MAX_SUBJECT = 200;
    private static final Map<Channel, Integer> MAX_BODY = Map.of(Channel.EMAIL, 10_000, Channel.WHATSAPP, 3_500,
            Channel.SMS, 600, Channel.IN_APP, 1_000);
    /** Anything that looks like a variable but is not written {{name}}: {{ name }}, {name}}, {{name}. */
    private static final Pattern BROKEN_VARIABLE = Pattern.compile("\\{\\{(?!\\w+}})|(?<!\\{\\{\\w{0,64})}}");

    private final MessageTemplates templates;
    private final TemplateOverrides overrides;
    private final Clock clock;
    private final CurrentActor actor;

    TemplateController(MessageTemplates templates, TemplateOverrides overrides, Clock clock,
            CurrentActor actor) {
        this.templates = templates;
        this.overrides = overrides;
        this.clock = clock;
        this.actor = actor;
    }

    @GetMapping
    @Operation(summary = "Daftar templat pesan",
            description = "Setiap jenis pesan x kanal x bahasa dengan kata-kata yang berlaku (default atau ubahan).")
    List<TemplateView> list(@RequestParam(required = false) String eventType,
            @RequestParam(required = false) String channel, @RequestParam(required = false) String language) {
        Actor reader = actor.required();
        if (reader.isResident() || !reader.hasAnyRole(Roles.ADMIN_DESA, Roles.ADMIN_KECAMATAN)) {
            throw new AccessDeniedException("Templat hanya untuk administrator");
        }
        List<FieldProblem> problems = new ArrayList<>();
        Channel onlyChannel = channel == null ? null : channel(channel, problems);
        if (eventType != null && !TemplateCatalogue.isKnown(eventType)) {
            problems.add(new FieldProblem("eventType", "Jenis pesan tidak dikenal"));
        }
        if (language != null && !MessageTemplates.LANGUAGES.contains(language)) {
            problems.add(new FieldProblem("language", "Harus salah satu dari " + MessageTemplates.LANGUAGES));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<TemplateView> views = new ArrayList<>();
        for (String type : TemplateCatalogue.messageTypes()) {
            for (Channel c : Channel.values()) {
                for (String lang : MessageTemplates.LANGUAGES) {
                    if ((eventType == null || eventType.equals(type)) && (onlyChannel == null || onlyChannel == c)
                            && (language == null || language.equals(lang))) {
                        views.add(view(type, c, lang));
                    }
                }
            }
        }
        return views;
    }

    @PutMapping("/{eventType}/{channel}/{language}")
    @Operation(summary = "Ubah templat pesan",
            description = "Menyimpan kata-kata administrator untuk satu jenis pesan, kanal dan bahasa. Variabel yang "
                    + "tidak tersedia untuk jenis pesan itu ditolak (400, menyebut isiannya).")
    TemplateView put(@PathVariable String eventType, @PathVariable String channel, @PathVariable String language,
            @RequestBody TemplateBody body) {
        requireEditor();
        requireKnown(eventType);
        List<FieldProblem> problems = new ArrayList<>();
        Channel c = channel(channel, problems);
        if (!MessageTemplates.LANGUAGES.contains(language)) {
            problems.add(new FieldProblem("language", "Harus salah satu dari " + MessageTemplates.LANGUAGES));
        }
        List<String> allowed = TemplateCatalogue.variables(eventType);
        check("subject", body.subject(), MAX_SUBJECT, allowed, problems);
        if (body.subject() != null && body.subject().contains("\n")) {
            problems.add(new FieldProblem("subject", "Judul harus satu baris"));
        }
        check("body", body.body(), c == null ? 10_000 : MAX_BODY.get(c), allowed, problems);
        if (EventType.ONE_TIME_CODE_REQUESTED.type().equals(eventType) && body.body() != null
                && !body.body().contains("{{code}}")) {
            problems.add(new FieldProblem("body", "Pesan kode sekali pakai wajib memuat {{code}}"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        overrides.save(new TemplateOverride(eventType, c, language, body.subject().strip(),
                body.body().replace("\r\n", "\n").stripTrailing() + "\n", actor.name(), clock.instant()));
        log.info("Template {} {} {} changed by {}", eventType, c, language, actor.name());
        return view(eventType, c, language);
    }

    @DeleteMapping("/{eventType}/{channel}/{language}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Kembalikan templat bawaan", description = "Menghapus ubahan administrator.")
    void reset(@PathVariable String eventType, @PathVariable String channel, @PathVariable String language) {
        requireEditor();
        requireKnown(eventType);
        List<FieldProblem> problems = new ArrayList<>();
        Channel c = channel(channel, problems);
        if (!MessageTemplates.LANGUAGES.contains(language)) {
            problems.add(new FieldProblem("language", "Harus salah satu dari " + MessageTemplates.LANGUAGES));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        overrides.deleteById(TemplateOverride.idOf(eventType, c, language));
    }

    private TemplateView view(String type, Channel channel, String language) {
        var override = templates.override(type, channel, language);
        Template t = override.map(TemplateOverride::template).orElseGet(() -> templates.shipped(type, channel,
                language));
        return new TemplateView(type, channel, language, t.subject(), t.body(), TemplateCatalogue.variables(type),
                override.isPresent(), override.map(TemplateOverride::updatedBy).orElse(null),
                override.map(TemplateOverride::updatedAt).orElse(null));
    }

    private static void check(String field, String text, int max, List<String> allowed,
            List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(new FieldProblem(field, "Wajib diisi"));
            return;
        }
        if (text.length() > max) {
            problems.add(new FieldProblem(field, "Maksimal " + max + " karakter"));
        }
        if (BROKEN_VARIABLE.matcher(text).find()) {
            problems.add(new FieldProblem(field, "Penulisan variabel salah; tulis {{nama}} tanpa spasi"));
        }
        Set<String> unknown = new java.util.LinkedHashSet<>(MessageTemplates.variablesIn(text));
        unknown.removeAll(allowed);
        if (!unknown.isEmpty()) {
            problems.add(new FieldProblem(field, "Variabel tidak dikenal: " + unknown.stream().map(v -> "{{" + v + "}}")
                    .toList() + "; yang tersedia: " + allowed));
        }
    }

    /** Templates are one set for every village: only the kecamatan's administrators change them. */
    private void requireEditor() {
        if (!actor.required().hasRole(Roles.ADMIN_KECAMATAN)) {
            throw new AccessDeniedException("Templat berlaku untuk semua desa; hanya admin kecamatan yang mengubahnya");
        }
    }

    private static void requireKnown(String eventType) {
        if (!TemplateCatalogue.isKnown(eventType)) {
            throw ProblemException.notFound("Jenis pesan " + eventType);
        }
    }

    private static Channel channel(String value, List<FieldProblem> problems) {
        try {
            return Channel.valueOf(value);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("channel", "Harus salah satu dari " + Arrays.toString(Channel.values())));
            return null;
        }
    }
}
