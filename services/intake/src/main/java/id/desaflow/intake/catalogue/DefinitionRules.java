package id.desaflow.intake.catalogue;

import id.desaflow.platform.web.FieldProblem;
import id.desaflow.platform.web.InvalidInputException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a village administrator may change in a letter type, checked as a whole before anything is stored: every
 * problem at once, each naming its field path ({@code fields[3].label}) in Indonesian. What the other services rely
 * on stays as shipped: the shipped fields (name, kind, input rules, required ones stay required — verification rules,
 * approval's decision tables and the letter text use them), the shipped documents' kinds and formats, and every
 * regex pattern (an administrator's regex could hang the service, ReDoS).
 */
final class DefinitionRules {
    static final int MAX_FIELDS = 40;
    static final int MAX_DOCUMENTS = 20;
    static final int MAX_LABEL = 120;
    static final int MAX_HELP = 300;
    static final int MAX_TITLE = 120;
    static final int MAX_STATEMENT = 2000;
    private static final int MAX_OPTIONS = 30;
    private static final int MAX_OPTION = 100;
    private static final int MAX_REQUIREMENTS = 20;
    private static final int MAX_REQUIREMENT = 200;
    private static final Pattern CLASSIFICATION = Pattern.compile("[0-9]{3}(\\.[0-9]{1,3})*");
    /** Letters only: approval fills {placeholders} of letters only. */
    private static final Pattern NEW_FIELD_NAME = Pattern.compile("[a-z][A-Za-z]{0,39}");
    private static final Pattern DOCUMENT_KIND = Pattern.compile("[a-z0-9-]{2,40}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final RowKind FIELDS = new RowKind("fields", "name", "isian", "Nama isian");
    private static final RowKind DOCUMENTS = new RowKind("attachments", "kind", "dokumen", "Kode dokumen");

    private final List<FieldProblem> problems = new ArrayList<>();
    private final LetterType shipped;
    private final long maxBytes;

    private DefinitionRules(LetterType shipped, long maxBytes) {
        this.shipped = shipped;
        this.maxBytes = maxBytes;
    }

    /** What the rows of a list are called in paths and messages. */
    private record RowKind(String list, String key, String noun, String keyNoun) {
    }

    /** A checked definition and letter text, ready to become the village's next version. */
    record Definition(LetterType letterType, LetterTexts.LetterText text) {
    }

    /**
     * @param current  the village's definition now (absent requirements keep its own)
     * @param maxBytes the largest document size any shipped letter type allows
     * @throws InvalidInputException naming every problem
     */
    static Definition check(LetterType shipped, LetterType current, DefinitionInput input, long maxBytes) {
        DefinitionRules rules = new DefinitionRules(shipped, maxBytes);
        Definition definition = rules.definition(current, input);
        if (!rules.problems.isEmpty()) {
            throw new InvalidInputException(rules.problems);
        }
        return definition;
    }

    private Definition definition(LetterType current, DefinitionInput input) {
        String label = text("label", input.label(), MAX_LABEL, true, false);
        String labelEn = Objects.requireNonNullElse(text("labelEn", input.labelEn(), MAX_LABEL, false, false), label);
        String classification = text("classificationCode", input.classificationCode(), 20, true, false);
        if (classification != null && !CLASSIFICATION.matcher(classification).matches()) {
            add("classificationCode", "Kode klasifikasi harus kode arsip berupa angka, contoh 474.2 atau 500");
        }
        List<String> requirements = input.requirements() == null ? current.requirements()
                : requirements(input.requirements());
        List<LetterField> fields = fields(input.fields());
        List<AttachmentSpec> documents = documents(input.attachments());
        String title = text("title", input.title(), MAX_TITLE, true, false);
        String statement = text("statement", input.statement(), MAX_STATEMENT, true, true);
        if (statement != null) {
            placeholders(statement, fields);
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new Definition(new LetterType(shipped.code(), shipped.trackingPrefix(), label, labelEn, classification,
                shipped.workflow(), shipped.onlineAllowed(), requirements, fields, documents),
                new LetterTexts.LetterText(title, statement));
    }

    private List<String> requirements(List<String> input) {
        if (input.size() > MAX_REQUIREMENTS) {
            add("requirements", "Persyaratan paling banyak " + MAX_REQUIREMENTS + " baris");
        }
        List<String> requirements = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            String line = text("requirements[" + i + "]", input.get(i), MAX_REQUIREMENT, true, false);
            if (line != null) {
                requirements.add(line);
            }
        }
        return requirements;
    }

    private List<LetterField> fields(List<DefinitionInput.FieldInput> input) {
        Set<String> names = new HashSet<>();
        List<LetterField> fields = rows(FIELDS, input, MAX_FIELDS, DefinitionInput.FieldInput::name, names,
                (path, field) -> {
                    Optional<LetterField> original = shipped.field(field.name());
                    return original.isPresent() ? shippedField(path, original.get(), field) : newField(path, field);
                });
        shipped.fields().stream().filter(f -> !names.contains(f.name())).forEach(f -> add("fields",
                "Isian bawaan \"" + f.label() + "\" tidak dapat dihapus: aturan verifikasi, alur persetujuan dan "
                        + "teks surat memakainya"));
        return fields;
    }

    /**
     * The rows of a list in order: at most {@code max}, each key once ({@code keys} collects them), each row
     * checked by {@code check} (null when refused).
     */
    private <I, T> List<T> rows(RowKind kind, List<I> input, int max, Function<I, String> key, Set<String> keys,
            BiFunction<String, I, T> check) {
        String noun = Character.toUpperCase(kind.noun().charAt(0)) + kind.noun().substring(1);
        if (input == null) {
            add(kind.list(), "Daftar " + kind.noun() + " wajib dikirim");
            return List.of();
        }
        if (input.size() > max) {
            add(kind.list(), noun + " paling banyak " + max);
        }
        List<T> rows = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            String path = kind.list() + "[" + i + "]";
            I row = input.get(i);
            if (row == null) {
                add(path, noun + " kosong");
                continue;
            }
            String k = key.apply(row);
            if (k != null && !keys.add(k)) {
                add(path + "." + kind.key(), kind.keyNoun() + " " + k + " sudah dipakai " + kind.noun() + " lain");
                continue;
            }
            T checked = check.apply(path, row);
            if (checked != null) {
                rows.add(checked);
            }
        }
        return rows;
    }

    private LetterField shippedField(String path, LetterField original, DefinitionInput.FieldInput field) {
        String label = text(path + ".label", field.label(), MAX_LABEL, true, false);
        String labelEn = text(path + ".labelEn", field.labelEn(), MAX_LABEL, false, false);
        String help = text(path + ".help", field.help(), MAX_HELP, false, false);
        String helpEn = text(path + ".helpEn", field.helpEn(), MAX_HELP, false, false);
        boolean required = field.required() == null ? original.required() : field.required();
        unchanged(path + ".kind", field.kind(), original.kind(), "Jenis isian bawaan tidak dapat diubah");
        unchanged(path + ".maxLength", field.maxLength(), original.maxLength(),
                "Panjang maksimal isian bawaan tidak dapat diubah");
        if (field.options() != null && !field.options().isEmpty() && !field.options().equals(original.options())) {
            add(path + ".options", "Pilihan isian bawaan tidak dapat diubah");
        }
        if (original.required() && !required) {
            add(path + ".required", original.label() + " adalah isian wajib bawaan (dipakai aturan verifikasi dan "
                    + "teks surat), tidak dapat dijadikan tidak wajib");
        }
        return label == null ? null : new LetterField(original.name(), label, labelEn, required, original.kind(),
                original.maxLength(), original.min(), original.max(), original.options(), original.dateRange(),
                original.pattern(), original.patternMessage(), help, helpEn);
    }

    private LetterField newField(String path, DefinitionInput.FieldInput field) {
        int before = problems.size();
        String name = field.name();
        if (name == null || name.isBlank()) {
            add(path + ".name", "Nama isian wajib diisi");
        } else if (!NEW_FIELD_NAME.matcher(name).matches()) {
            add(path + ".name", "Nama isian harus huruf saja tanpa spasi, diawali huruf kecil (camelCase), paling "
                    + "banyak 40 huruf, contoh namaCalonPasangan");
        } else if (LetterTexts.COMMON_PLACEHOLDERS.contains(name)) {
            add(path + ".name", "Nama isian " + name + " sudah dipakai untuk data umum surat; pilih nama lain");
        }
        String label = text(path + ".label", field.label(), MAX_LABEL, true, false);
        String labelEn = text(path + ".labelEn", field.labelEn(), MAX_LABEL, false, false);
        String help = text(path + ".help", field.help(), MAX_HELP, false, false);
        String helpEn = text(path + ".helpEn", field.helpEn(), MAX_HELP, false, false);
        FieldKind kind = field.kind();
        if (kind == null) {
            add(path + ".kind", "Jenis isian wajib dipilih");
        }
        List<String> options = options(path, kind, field.options());
        Integer maxLength = field.maxLength();
        if (kind != null && maxLength != null && (maxLength < 1 || maxLength > kind.defaultMaxLength())) {
            add(path + ".maxLength", "Panjang maksimal harus antara 1 dan " + kind.defaultMaxLength() + " karakter");
        } else if (maxLength != null && options.stream().anyMatch(o -> o.length() > maxLength)) {
            add(path + ".maxLength", "Panjang maksimal harus muat pilihan terpanjang");
        }
        if (problems.size() > before) {
            return null;
        }
        return new LetterField(name, label, labelEn, Boolean.TRUE.equals(field.required()), kind, maxLength, null,
                null, options, null, null, null, help, helpEn);
    }

    private List<String> options(String path, FieldKind kind, List<String> input) {
        List<String> given = input == null ? List.of() : input;
        if (kind != FieldKind.CHOICE) {
            if (!given.isEmpty()) {
                add(path + ".options", "Hanya isian pilihan yang mempunyai daftar pilihan");
            }
            return List.of();
        }
        if (given.isEmpty()) {
            add(path + ".options", "Isian pilihan membutuhkan daftar pilihan");
        } else if (given.size() > MAX_OPTIONS) {
            add(path + ".options", "Pilihan paling banyak " + MAX_OPTIONS);
        }
        List<String> options = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < given.size(); j++) {
            String option = text(path + ".options[" + j + "]", given.get(j), MAX_OPTION, true, false);
            if (option != null && !seen.add(option.toLowerCase(Locale.ROOT))) {
                add(path + ".options[" + j + "]", "Pilihan " + option + " tertulis dua kali");
            } else if (option != null) {
                options.add(option);
            }
        }
        return options;
    }

    private List<AttachmentSpec> documents(List<DefinitionInput.DocumentInput> input) {
        Set<String> kinds = new HashSet<>();
        List<AttachmentSpec> documents = rows(DOCUMENTS, input, MAX_DOCUMENTS, DefinitionInput.DocumentInput::kind,
                kinds, (path, document) -> {
                    Optional<AttachmentSpec> original = shipped.attachment(document.kind());
                    return original.isPresent() ? shippedDocument(path, original.get(), document)
                            : newDocument(path, document);
                });
        shipped.attachments().stream().filter(a -> !kinds.contains(a.kind())).forEach(a -> add("attachments",
                "Dokumen bawaan \"" + a.label() + "\" tidak dapat dihapus; jadikan tidak wajib bila tidak diperlukan"));
        return documents;
    }

    private AttachmentSpec shippedDocument(String path, AttachmentSpec original, DefinitionInput.DocumentInput input) {
        String label = text(path + ".label", input.label(), MAX_LABEL, true, false);
        String labelEn = text(path + ".labelEn", input.labelEn(), MAX_LABEL, false, false);
        String help = text(path + ".help", input.help(), MAX_HELP, false, false);
        if (input.contentTypes() != null && !input.contentTypes().isEmpty()
                && !Set.copyOf(input.contentTypes()).equals(Set.copyOf(original.contentTypes()))) {
            add(path + ".contentTypes", "Format berkas dokumen bawaan tidak dapat diubah");
        }
        unchanged(path + ".maxBytes", input.maxBytes(), original.maxBytes(),
                "Ukuran maksimal dokumen bawaan tidak dapat diubah");
        boolean required = input.required() == null ? original.required() : input.required();
        return label == null ? null : new AttachmentSpec(original.kind(), label, labelEn, required,
                original.maxBytes(), original.contentTypes(), help);
    }

    private AttachmentSpec newDocument(String path, DefinitionInput.DocumentInput input) {
        int before = problems.size();
        String kind = input.kind();
        if (kind == null || kind.isBlank()) {
            add(path + ".kind", "Kode dokumen wajib diisi");
        } else if (!DOCUMENT_KIND.matcher(kind).matches() || kind.equals("request")) {
            add(path + ".kind", "Kode dokumen harus 2-40 huruf kecil, angka atau tanda hubung, contoh akta-cerai");
        }
        String label = text(path + ".label", input.label(), MAX_LABEL, true, false);
        String labelEn = text(path + ".labelEn", input.labelEn(), MAX_LABEL, false, false);
        String help = text(path + ".help", input.help(), MAX_HELP, false, false);
        List<String> types = input.contentTypes() == null || input.contentTypes().isEmpty()
                ? AttachmentSpec.CONTENT_TYPES : input.contentTypes();
        for (int j = 0; j < types.size(); j++) {
            if (!AttachmentSpec.CONTENT_TYPES.contains(types.get(j))) {
                add(path + ".contentTypes[" + j + "]", "Format berkas hanya boleh image/jpeg, image/png atau "
                        + "application/pdf");
            }
        }
        Long size = input.maxBytes() == null ? maxBytes : input.maxBytes();
        if (size < 1 || size > maxBytes) {
            add(path + ".maxBytes", "Ukuran maksimal harus antara 1 dan " + maxBytes + " byte");
        }
        if (problems.size() > before) {
            return null;
        }
        return new AttachmentSpec(kind, label, labelEn, Boolean.TRUE.equals(input.required()), size,
                types.stream().distinct().toList(), help);
    }

    private void placeholders(String statement, List<LetterField> fields) {
        Set<String> known = fields.stream().map(LetterField::name).collect(Collectors.toSet());
        known.addAll(LetterTexts.COMMON_PLACEHOLDERS);
        Matcher m = PLACEHOLDER.matcher(statement);
        Set<String> unknown = new LinkedHashSet<>();
        while (m.find()) {
            if (!known.contains(m.group(1))) {
                unknown.add("{" + m.group(1) + "}");
            }
        }
        if (!unknown.isEmpty()) {
            add("statement", "Isi surat memakai " + String.join(", ", unknown) + " yang bukan isian surat ini; yang "
                    + "dapat dipakai: " + known.stream().sorted().map(k -> "{" + k + "}")
                    .collect(Collectors.joining(", ")));
        }
    }

    /** @return the cleaned text, or null when absent (a problem if required) or refused */
    private String text(String path, String raw, int max, boolean required, boolean lineBreaks) {
        String value = Text.clean(raw);
        if (value == null) {
            if (required) {
                add(path, "Wajib diisi");
            }
            return null;
        }
        Optional<String> problem = Text.problem(value, lineBreaks);
        if (problem.isPresent()) {
            add(path, "Teks " + problem.get());
            return null;
        }
        if (value.length() > max) {
            add(path, "Paling banyak " + max + " karakter");
            return null;
        }
        return value;
    }

    private <T> void unchanged(String path, T given, T original, String message) {
        if (given != null && !given.equals(original)) {
            add(path, message);
        }
    }

    private void add(String path, String message) {
        problems.add(new FieldProblem(path, message));
    }

    /** The largest document size of the shipped catalogue: the cap of a village's own documents. */
    static long largestDocument(List<LetterType> catalogue) {
        return catalogue.stream().flatMap(t -> t.attachments().stream()).map(AttachmentSpec::maxBytes)
                .max(Long::compare).orElse(AttachmentSpec.MAX_BYTES);
    }
}
