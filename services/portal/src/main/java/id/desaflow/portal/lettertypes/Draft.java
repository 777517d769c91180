package id.desaflow.portal.lettertypes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import static id.desaflow.portal.web.Forms.blankToNull;

/**
 * A letter type being edited, as the edit page's one form carries it between the administrator's steps (add a field,
 * move it, remove it) until it is saved: nothing is kept in the session, so the page works without JavaScript and
 * an abandoned edit leaves nothing behind. Rows keep their order; form names are the service's field paths
 * ({@code fields[2].label}), so its problems land next to their inputs.
 */
record Draft(int basedOn, String label, String labelEn, String classificationCode, String requirements,
        List<FieldRow> fields, List<DocumentRow> documents, String title, String statement) {

    /** {@code shipped}: cannot be removed nor change kind; {@code locked}: shipped as required, stays required. */
    record FieldRow(String name, String label, String labelEn, boolean required, String kind, Integer maxLength,
            String options, String help, String helpEn, boolean shipped, boolean locked) {
    }

    record DocumentRow(String kind, String label, String labelEn, boolean required, String help, boolean shipped) {
    }

    Draft {
        fields = List.copyOf(fields);
        documents = List.copyOf(documents);
    }

    /** The village's definition as it is now. */
    static Draft of(LetterTypeAdmin.Definition d) {
        LetterTypeAdmin.LetterType t = d.definition();
        return new Draft(d.version(), t.label(), t.labelEn(), t.classificationCode(),
                String.join("\n", t.requirements() == null ? List.of() : t.requirements()),
                t.fields().stream().map(f -> new FieldRow(f.name(), f.label(), f.labelEn(), f.required(), f.kind(),
                        f.maxLength(), String.join("\n", f.options() == null ? List.of() : f.options()), f.help(),
                        f.helpEn(), d.shippedFields().contains(f.name()), d.requiredFields().contains(f.name())))
                        .toList(),
                t.attachments().stream().map(a -> new DocumentRow(a.kind(), a.label(), a.labelEn(), a.required(),
                        a.help(), d.shippedDocuments().contains(a.kind()))).toList(),
                d.title(), d.statement());
    }

    /** What the page posted; which rows are shipped comes from the service's definition, never from the form. */
    static Draft from(Map<String, String> form, LetterTypeAdmin.Definition d) {
        List<FieldRow> fields = new ArrayList<>();
        for (int i = 0; form.containsKey("fields[" + i + "].name"); i++) {
            String p = "fields[" + i + "].";
            String name = form.get(p + "name");
            fields.add(new FieldRow(name, form.get(p + "label"), blankToNull(form.get(p + "labelEn")),
                    form.containsKey(p + "required"), form.get(p + "kind"), number(form.get(p + "maxLength")),
                    form.getOrDefault(p + "options", ""), blankToNull(form.get(p + "help")),
                    blankToNull(form.get(p + "helpEn")), d.shippedFields().contains(name),
                    d.requiredFields().contains(name)));
        }
        List<DocumentRow> documents = new ArrayList<>();
        for (int i = 0; form.containsKey("attachments[" + i + "].kind"); i++) {
            String p = "attachments[" + i + "].";
            String kind = form.get(p + "kind");
            documents.add(new DocumentRow(kind, form.get(p + "label"), blankToNull(form.get(p + "labelEn")),
                    form.containsKey(p + "required"), blankToNull(form.get(p + "help")),
                    d.shippedDocuments().contains(kind)));
        }
        return new Draft(Objects.requireNonNullElse(number(form.get("basedOn")), d.version()), form.get("label"),
                blankToNull(form.get("labelEn")), form.get("classificationCode"), form.getOrDefault("requirements", ""),
                fields, documents, form.get("title"), form.get("statement"));
    }

    Draft withField(FieldRow row) {
        List<FieldRow> rows = new ArrayList<>(fields);
        rows.add(row);
        return with(rows, documents);
    }

    /** Only rows the village added can go: the shipped ones are what the other services rely on. */
    Draft withoutField(int index) {
        return with(without(fields, index, FieldRow::shipped), documents);
    }

    /** Moves a field one place up ({@code -1}) or down ({@code +1}) in the form. */
    Draft moved(int index, int step) {
        int to = index + step;
        if (index < 0 || index >= fields.size() || to < 0 || to >= fields.size()) {
            return this;
        }
        List<FieldRow> rows = new ArrayList<>(fields);
        rows.set(index, fields.get(to));
        rows.set(to, fields.get(index));
        return with(rows, documents);
    }

    Draft withDocument(DocumentRow row) {
        List<DocumentRow> rows = new ArrayList<>(documents);
        rows.add(row);
        return with(fields, rows);
    }

    Draft withoutDocument(int index) {
        return with(fields, without(documents, index, DocumentRow::shipped));
    }

    private static <T> List<T> without(List<T> rows, int index, Predicate<T> shipped) {
        if (index < 0 || index >= rows.size() || shipped.test(rows.get(index))) {
            return rows;
        }
        List<T> rest = new ArrayList<>(rows);
        rest.remove(index);
        return rest;
    }

    /** The service's body: a full replacement; kind, length and options only for fields the village added. */
    Map<String, Object> input() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("basedOn", basedOn);
        body.put("label", label);
        body.put("labelEn", labelEn);
        body.put("classificationCode", classificationCode);
        body.put("requirements", lines(requirements));
        body.put("fields", fields.stream().map(f -> {
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("name", f.name());
            field.put("label", f.label());
            field.put("labelEn", f.labelEn());
            field.put("required", f.required() || f.locked());
            field.put("help", f.help());
            field.put("helpEn", f.helpEn());
            if (!f.shipped()) {
                field.put("kind", f.kind());
                field.put("maxLength", f.maxLength());
                field.put("options", "choice".equals(f.kind()) ? lines(f.options()) : null);
            }
            return field;
        }).toList());
        body.put("attachments", documents.stream().map(a -> {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("kind", a.kind());
            document.put("label", a.label());
            document.put("labelEn", a.labelEn());
            document.put("required", a.required());
            document.put("help", a.help());
            return document;
        }).toList());
        body.put("title", title);
        body.put("statement", statement);
        return body;
    }

    private Draft with(List<FieldRow> newFields, List<DocumentRow> newDocuments) {
        return new Draft(basedOn, label, labelEn, classificationCode, requirements, newFields, newDocuments, title,
                statement);
    }

    static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip)
                .filter(l -> !l.isEmpty()).toList();
    }

    static Integer number(String text) {
        try {
            return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
