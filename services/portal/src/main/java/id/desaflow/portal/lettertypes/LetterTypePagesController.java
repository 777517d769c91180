package id.desaflow.portal.lettertypes;

import id.desaflow.portal.web.Forms;
import id.desaflow.portal.backend.Problem;
import id.desaflow.portal.signin.CurrentOfficial;
import id.desaflow.portal.signin.Official;
import id.desaflow.portal.web.Redirects;
import id.desaflow.portal.workflows.Workflows;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Letter types of the village for its administrators (issue 8): the list with the on/off switch
 * (/admin/jenis-surat) and the edit page (/admin/jenis-surat/{type}): general data, fields, documents, the letter's
 * wording, the approval chain in force, the versions, and "back to the shipped definition". The village's officials
 * may look; intake refuses changes by anyone but the village's administrators.
 */
@Controller
class LetterTypePagesController {
    private static final Pattern ROW = Pattern.compile("(fields|attachments)\\[(\\d+)](.*)");
    private static final Pattern ACTION = Pattern.compile("(naik|turun|hapus-isian|hapus-dokumen)-(\\d+)");

    private final LetterTypeAdmin letterTypes;
    private final Workflows workflows;
    private final CurrentOfficial officials;
    private final MessageSource messages;
    private final String portalVillage;

    LetterTypePagesController(LetterTypeAdmin letterTypes, Workflows workflows, CurrentOfficial officials,
            MessageSource messages, @Value("${desaflow.portal.village-code}") String portalVillage) {
        this.letterTypes = letterTypes;
        this.workflows = workflows;
        this.officials = officials;
        this.messages = messages;
        this.portalVillage = portalVillage;
    }

    /** A problem of the service, pointed at where the page shows it. */
    record Summary(String anchor, String part, String message) {
    }

    /** A {placeholder} the statement may use, and what approval fills in for it. */
    record Placeholder(String name, String meaning) {
    }

    @GetMapping("/admin/jenis-surat")
    ModelAndView list(@RequestParam(name = "hasil", required = false) String result) {
        Official official = officials.require();
        ModelAndView page = page("admin-jenis-surat", official);
        page.addObject("letterTypes", letterTypes.offers(official, village(official)));
        page.addObject("result", result);
        return page;
    }

    /** The switch: a letter type offered to residents of the village or not (a version of its own). */
    @PostMapping("/admin/jenis-surat/{type}/layanan")
    ModelAndView offer(@PathVariable String type, @RequestParam("aktif") boolean enabled) {
        Official official = officials.require();
        letterTypes.offer(official, village(official), type, enabled);
        return Redirects.seeOther(UriComponentsBuilder.fromPath("/admin/jenis-surat")
                .queryParam("hasil", enabled ? "aktif" : "nonaktif").build().toUriString());
    }

    @GetMapping("/admin/jenis-surat/{type}")
    ModelAndView edit(@PathVariable String type, @RequestParam(name = "hasil", required = false) String result) {
        Official official = officials.require();
        LetterTypeAdmin.Definition definition = letterTypes.definition(official, village(official), type);
        ModelAndView page = editPage(official, definition, Draft.of(definition), List.of(), Map.of());
        page.addObject("result", result);
        return page;
    }

    /**
     * Every button of the edit form posts here with the whole draft: "aksi" says what to do with it (add, move or
     * remove a row and show it again, or save it as the village's next version).
     */
    @PostMapping("/admin/jenis-surat/{type}")
    ModelAndView change(@PathVariable String type, @RequestParam Map<String, String> form) {
        Official official = officials.require();
        LetterTypeAdmin.Definition definition = letterTypes.definition(official, village(official), type);
        Draft draft = Draft.from(form, definition);
        String action = form.getOrDefault("aksi", "perbarui");
        Matcher row = ACTION.matcher(action);
        if (row.matches()) {
            int index = Integer.parseInt(row.group(2));
            draft = switch (row.group(1)) {
                case "naik" -> draft.moved(index, -1);
                case "turun" -> draft.moved(index, 1);
                case "hapus-isian" -> draft.withoutField(index);
                default -> draft.withoutDocument(index);
            };
            return editPage(official, definition, draft, List.of(), Map.of());
        }
        return switch (action) {
            case "tambah-isian" -> addField(official, definition, draft, form);
            case "tambah-dokumen" -> addDocument(official, definition, draft, form);
            case "simpan" -> save(official, definition, draft, type);
            default -> editPage(official, definition, draft, List.of(), Map.of());
        };
    }

    @PostMapping("/admin/jenis-surat/{type}/bawaan")
    ModelAndView reset(@PathVariable String type, @RequestParam("basedOn") int basedOn) {
        Official official = officials.require();
        try {
            letterTypes.reset(official, village(official), type, basedOn);
        } catch (HttpClientErrorException.Conflict changed) {
            LetterTypeAdmin.Definition definition = letterTypes.definition(official, village(official), type);
            return conflict(editPage(official, definition, Draft.of(definition), List.of(), Map.of()), changed);
        }
        return done(type, "bawaan");
    }

    private ModelAndView save(Official official, LetterTypeAdmin.Definition definition, Draft draft, String type) {
        try {
            letterTypes.save(official, village(official), type, draft.input());
            return done(type, "disimpan");
        } catch (HttpClientErrorException.BadRequest invalid) {
            List<Problem.FieldError> errors = Problem.of(invalid).errors();
            ModelAndView page = editPage(official, definition, draft, errors == null ? List.of() : errors, Map.of());
            page.setStatus(HttpStatus.BAD_REQUEST); // also when intake named no field
            return page;
        } catch (HttpClientErrorException.Conflict changed) {
            return conflict(editPage(official, definition, draft, List.of(), Map.of()), changed);
        }
    }

    private ModelAndView addField(Official official, LetterTypeAdmin.Definition definition, Draft draft,
            Map<String, String> form) {
        String name = form.getOrDefault("baru.name", "").strip();
        String label = form.getOrDefault("baru.label", "").strip();
        Map<String, String> problems = new LinkedHashMap<>();
        if (name.isEmpty()) {
            problems.put("baru.name", text("lettertypes.new.nameMissing"));
        } else if (draft.fields().stream().anyMatch(f -> f.name().equals(name))) {
            problems.put("baru.name", text("lettertypes.new.nameTaken"));
        }
        if (label.isEmpty()) {
            problems.put("baru.label", text("lettertypes.new.labelMissing"));
        }
        String maxLength = form.getOrDefault("baru.maxLength", "");
        if (!maxLength.isBlank() && Draft.number(maxLength) == null) {
            problems.put("baru.maxLength", text("lettertypes.new.maxLengthNumber"));
        }
        if (!problems.isEmpty()) {
            return editPage(official, definition, draft, List.of(), problems, typed(form, "baru."));
        }
        return editPage(official, definition, draft.withField(new Draft.FieldRow(name, label, null,
                form.containsKey("baru.required"), form.getOrDefault("baru.kind", "text"), Draft.number(maxLength),
                form.getOrDefault("baru.options", ""), Forms.blankToNull(form.get("baru.help")), null, false, false)),
                List.of(), Map.of());
    }

    private ModelAndView addDocument(Official official, LetterTypeAdmin.Definition definition, Draft draft,
            Map<String, String> form) {
        String kind = form.getOrDefault("baruDok.kind", "").strip();
        String label = form.getOrDefault("baruDok.label", "").strip();
        Map<String, String> problems = new LinkedHashMap<>();
        if (kind.isEmpty()) {
            problems.put("baruDok.kind", text("lettertypes.newDocument.kindMissing"));
        } else if (draft.documents().stream().anyMatch(a -> a.kind().equals(kind))) {
            problems.put("baruDok.kind", text("lettertypes.newDocument.kindTaken"));
        }
        if (label.isEmpty()) {
            problems.put("baruDok.label", text("lettertypes.new.labelMissing"));
        }
        if (!problems.isEmpty()) {
            return editPage(official, definition, draft, List.of(), problems, typed(form, "baruDok."));
        }
        return editPage(official, definition, draft.withDocument(new Draft.DocumentRow(kind, label, null,
                form.containsKey("baruDok.required"), null, false)), List.of(), Map.of());
    }

    /** What was typed into a row to add (inputs named {@code prefix...}), to show it again beside its problems. */
    private static Map<String, String> typed(Map<String, String> form, String prefix) {
        Map<String, String> typed = new HashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith(prefix)) {
                typed.put(name, value);
            }
        });
        return typed;
    }

    private ModelAndView editPage(Official official, LetterTypeAdmin.Definition definition, Draft draft,
            List<Problem.FieldError> problems, Map<String, String> newRowProblems) {
        return editPage(official, definition, draft, problems, newRowProblems, Map.of());
    }

    /** @param typed the inputs of an incomplete row to add, shown again as typed */
    private ModelAndView editPage(Official official, LetterTypeAdmin.Definition definition, Draft draft,
            List<Problem.FieldError> problems, Map<String, String> newRowProblems, Map<String, String> typed) {
        ModelAndView page = page("admin-jenis-surat-ubah", official);
        page.addObject("definition", definition);
        page.addObject("draft", draft);
        Map<String, String> errors = new LinkedHashMap<>(newRowProblems);
        Map<String, List<String>> rowErrors = new LinkedHashMap<>();
        List<Summary> summary = new ArrayList<>();
        for (Problem.FieldError problem : problems) {
            String field = problem.field() == null ? "" : problem.field();
            errors.putIfAbsent(field, problem.message());
            Matcher row = ROW.matcher(field);
            if (row.matches()) {
                boolean isField = row.group(1).equals("fields");
                int index = Integer.parseInt(row.group(2));
                rowErrors.computeIfAbsent(row.group(1) + "[" + index + "]", k -> new ArrayList<>())
                        .add(problem.message());
                String label = isField ? index < draft.fields().size() ? draft.fields().get(index).label() : ""
                        : index < draft.documents().size() ? draft.documents().get(index).label() : "";
                summary.add(new Summary((isField ? "isian-" : "dokumen-") + index,
                        text(isField ? "lettertypes.part.field" : "lettertypes.part.document", index + 1, label),
                        problem.message()));
            } else {
                String part = field.replaceAll("\\[\\d+]$", "");
                summary.add(new Summary("f-" + part, text("lettertypes.part." + part), problem.message()));
            }
        }
        page.addObject("fieldErrors", errors); // the name the shared input fragment reads
        page.addObject("rowErrors", rowErrors);
        page.addObject("summary", summary);
        Map<String, String> entered = new HashMap<>();
        entered.put("label", draft.label());
        entered.put("labelEn", draft.labelEn());
        entered.put("classificationCode", draft.classificationCode());
        entered.put("title", draft.title());
        entered.putAll(typed);
        page.addObject("entered", entered);
        page.addObject("placeholders", placeholders(definition, draft));
        page.addObject("versions", letterTypes.versions(official, village(official), definition.letterType()));
        page.addObject("workflowVersion", workflowVersion(official, definition.letterType()));
        if (!errors.isEmpty()) {
            page.setStatus(HttpStatus.BAD_REQUEST);
        }
        return page;
    }

    private List<Placeholder> placeholders(LetterTypeAdmin.Definition definition, Draft draft) {
        List<Placeholder> placeholders = new ArrayList<>();
        draft.fields().forEach(f -> placeholders.add(new Placeholder(f.name(), f.label())));
        definition.placeholders().forEach(p -> placeholders.add(new Placeholder(p,
                messages.getMessage("lettertypes.placeholder." + p, null, p, LocaleContextHolder.getLocale()))));
        return placeholders;
    }

    /** The chain version this village's new requests start, when the approval service can tell. */
    private Integer workflowVersion(Official official, String type) {
        try {
            return workflows.versionInForce(official, type, village(official));
        } catch (RuntimeException unknownOrUnavailable) {
            return null; // the link to the chain still works; only its version is not named
        }
    }

    private static ModelAndView conflict(ModelAndView page, HttpClientErrorException.Conflict changed) {
        page.addObject("conflict", Problem.of(changed).detail());
        page.setStatus(HttpStatus.CONFLICT);
        return page;
    }

    /** The village the administrator's changes apply to: their own, else the portal's. */
    private String village(Official official) {
        return official.villageCode() != null ? official.villageCode() : portalVillage;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    private static ModelAndView page(String view, Official official) {
        ModelAndView page = new ModelAndView(view);
        page.addObject("official", official);
        page.addObject("administrator", official.administrator());
        return page;
    }

    private static ModelAndView done(String type, String result) {
        return Redirects.seeOther(UriComponentsBuilder.fromPath("/admin/jenis-surat/{type}")
                .queryParam("hasil", result).encode().buildAndExpand(type).toUriString());
    }
}
