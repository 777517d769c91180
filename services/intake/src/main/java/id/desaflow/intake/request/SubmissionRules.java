package id.desaflow.intake.request;

import id.desaflow.contracts.events.Applicant;
import id.desaflow.intake.access.Channel;
import id.desaflow.intake.attachment.FileContent;
import id.desaflow.intake.catalogue.AttachmentSpec;
import id.desaflow.intake.catalogue.FieldKind;
import id.desaflow.intake.catalogue.LetterField;
import id.desaflow.intake.catalogue.LetterType;
import id.desaflow.intake.catalogue.VillageLetterTypes;
import id.desaflow.intake.village.Village;
import id.desaflow.intake.village.Villages;
import id.desaflow.platform.web.FieldProblem;
import id.desaflow.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a submission or revision must satisfy before anything is stored: the letter type's fields and documents
 * (catalogue data), the applicant, and the village. Every problem is reported at once, each naming its field (the
 * JSON path, or the multipart part name for a document), in Indonesian. A file over its size limit is answered 413
 * before anything else is looked at.
 */
@Component
class SubmissionRules {
    private static final Pattern VILLAGE_CODE = Pattern.compile("[0-9]{10}");
    private static final Pattern FIELD_KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /** What browsers and phones call a JPEG, PNG or PDF (or "don't know"); anything else (HTML, SVG, ...) is refused. */
    private static final Set<String> DECLARED_TYPES = Set.of("image/jpeg", "image/jpg", "image/pjpeg", "image/png",
            "application/pdf", "application/x-pdf", "application/octet-stream");

    static final LetterField NIK = applicantField("nik", "NIK pemohon", "Applicant's NIK", true, FieldKind.NIK, null,
            null, null);
    static final LetterField NAME = applicantField("name", "Nama pemohon", "Applicant's name", true, FieldKind.TEXT,
            120, "[\\p{L}\\p{M} .,'\\-]*\\p{L}[\\p{L}\\p{M} .,'\\-]*",
            "hanya boleh berisi huruf, spasi, titik, koma, apostrof dan tanda hubung");
    static final LetterField PHONE = applicantField("phone", "Nomor HP", "Mobile phone", false, FieldKind.PHONE, null,
            null, null);
    static final LetterField EMAIL = applicantField("email", "Email", "E-mail", false, FieldKind.EMAIL, null, null,
            null);

    private final Villages villages;
    private final VillageLetterTypes offers;

    SubmissionRules(Villages villages, VillageLetterTypes offers) {
        this.villages = villages;
        this.offers = offers;
    }

    /** A file that passed: its kind, the content type its bytes really are, and their SHA-256. */
    record CheckedFile(String kind, String contentType, byte[] bytes, String sha256) {
    }

    record ValidSubmission(LetterType letterType, Village village, Applicant applicant, Map<String, String> data,
            List<CheckedFile> files, List<String> attachmentsOnPaper) {
    }

    record ValidRevision(Applicant applicant, Map<String, String> data, List<CheckedFile> files,
            List<String> attachmentsOnPaper) {
    }

    ValidSubmission check(Bodies.Submission body, List<Upload> uploads, Channel channel) {
        InputProblems problems = new InputProblems();
        Village village = village(body.villageCode(), problems);
        // the village's own version of the type where it has one (its fields, documents, label), read once
        Optional<VillageLetterTypes.Offer> offer = body.letterType() == null || body.letterType().isBlank()
                ? Optional.empty() : offers.offer(village, body.letterType().strip());
        refuseOversized(offer.map(VillageLetterTypes.Offer::letterType).orElse(null), uploads);
        LetterType type = letterType(body.letterType(), offer, village, channel, problems);
        Applicant applicant = applicant(body.applicant(), village, channel, problems);
        Map<String, String> data = type == null ? Map.of() : data(type, body.data(), problems);
        List<CheckedFile> files = type == null ? List.of() : files(type, uploads, problems);
        List<String> paper = type == null ? List.of()
                : paper(type, body.attachmentsOnPaper(), channel, files, problems);
        if (type != null) {
            requireDocuments(type.in(village), Stream.concat(files.stream().map(CheckedFile::kind), paper.stream()).toList(),
                    channel, problems);
        }
        problems.throwIfAny();
        return new ValidSubmission(type, village, applicant, data, files, paper);
    }

    /**
     * A revision is checked like a submission for the request's letter type; documents not sent again stay as they
     * were. The applicant may correct their name and contacts, never the NIK (that would be someone else's request).
     */
    ValidRevision checkRevision(LetterRequest current, Bodies.Revision body, List<Upload> uploads, Channel channel) {
        LetterType type = offers.find(current.villageCode(), current.letterType()).orElseThrow(() ->
                new IllegalStateException("Stored request has a letter type no longer in the catalogue: " + current.letterType()));
        refuseOversized(type, uploads);
        InputProblems problems = new InputProblems();
        if (body.letterType() != null && !body.letterType().equals(current.letterType())) {
            problems.add("letterType", "Jenis surat tidak dapat diubah saat perbaikan; ajukan permohonan baru");
        }
        if (body.villageCode() != null && !body.villageCode().equals(current.villageCode())) {
            problems.add("villageCode", "Desa tidak dapat diubah saat perbaikan; ajukan permohonan baru");
        }
        Applicant applicant = current.applicant();
        if (body.applicant() != null) {
            applicant = applicant(body.applicant(), villages.find(current.villageCode()).orElse(null), channel,
                    problems);
            if (applicant != null && applicant.nik() != null && !applicant.nik().equals(current.applicant().nik())) {
                problems.add("applicant.nik", "NIK pemohon tidak dapat diubah saat perbaikan; untuk orang lain "
                        + "ajukan permohonan baru");
            }
            if (applicant != null) {
                // contacts left out of a correction stay as they were: pages cannot show them unmasked to refill
                applicant = new Applicant(applicant.nik(), applicant.name(),
                        applicant.phone() != null ? applicant.phone() : current.applicant().phone(),
                        applicant.email() != null ? applicant.email() : current.applicant().email());
            }
        }
        Map<String, String> data = data(type, body.data(), problems);
        List<CheckedFile> files = files(type, uploads, problems);
        List<String> uploadedNow = files.stream().map(CheckedFile::kind).toList();
        List<String> paper = body.attachmentsOnPaper() == null
                ? current.attachmentsOnPaper().stream().filter(k -> !uploadedNow.contains(k)).toList()
                : paper(type, body.attachmentsOnPaper(), channel, files, problems);
        requireDocuments(type.in(villages.find(current.villageCode()).orElse(null)),
                Stream.of(uploadedNow, paper, current.attachmentKinds()).flatMap(List::stream)
                .toList(), channel, problems);
        problems.throwIfAny();
        return new ValidRevision(applicant, data, files, paper);
    }

    private void refuseOversized(LetterType type, List<Upload> uploads) {
        List<FieldProblem> tooLarge = new ArrayList<>();
        for (Upload upload : uploads) {
            Optional<AttachmentSpec> spec = type == null ? Optional.empty() : type.attachment(upload.part());
            long limit = spec.map(AttachmentSpec::maxBytes).orElse(AttachmentSpec.MAX_BYTES);
            if (upload.bytes().length > limit) {
                tooLarge.add(new FieldProblem(upload.part(), spec.map(AttachmentSpec::label).orElse("Berkas")
                        + " melebihi batas " + kilobytes(limit) + "; perkecil foto atau pindai dengan resolusi lebih "
                        + "rendah"));
            }
        }
        if (!tooLarge.isEmpty()) {
            throw new ProblemException(HttpStatus.PAYLOAD_TOO_LARGE, "attachment-too-large", "Berkas terlalu besar",
                    "Ukuran berkas melebihi batas: " + String.join(", ", tooLarge.stream().map(FieldProblem::field)
                            .toList()), Map.of("errors", tooLarge));
        }
    }

    private Village village(String raw, InputProblems problems) {
        if (raw == null || raw.isBlank()) {
            problems.add("villageCode", "Kode desa wajib diisi");
            return null;
        }
        if (!VILLAGE_CODE.matcher(raw.strip()).matches()) {
            problems.add("villageCode", "Kode desa harus 10 digit angka");
            return null;
        }
        Optional<Village> village = villages.find(raw.strip());
        if (village.isEmpty()) {
            problems.add("villageCode", "Desa belum terdaftar di DesaFlow");
        }
        return village.orElse(null);
    }

    private LetterType letterType(String raw, Optional<VillageLetterTypes.Offer> offer, Village village,
            Channel channel, InputProblems problems) {
        if (raw == null || raw.isBlank()) {
            problems.add("letterType", "Jenis surat wajib dipilih");
            return null;
        }
        Optional<LetterType> type = offer.map(VillageLetterTypes.Offer::letterType);
        if (type.isEmpty()) {
            problems.add("letterType", "Jenis surat tidak dikenal");
            return null;
        }
        if (village != null && !offer.get().enabled()) {
            problems.add("letterType", type.get().label() + " belum dilayani oleh Desa " + village.name());
        } else if (channel == Channel.ONLINE && !type.get().onlineAllowed()) {
            problems.add("letterType", type.get().label() + " hanya dapat diajukan di kantor desa, karena memuat "
                    + "data orang lain");
        }
        // the data is still checked against the type, so the resident sees all problems at once
        return type.get();
    }

    /**
     * The NIK's first six digits are the district where it was FIRST issued, and a NIK never changes when its owner
     * moves: a resident who came from another district, even another province, keeps theirs. So the region cannot
     * be a hard rule. Online, a NIK from another province is refused (most often a typo in its first digits, or not
     * the resident's own NIK), pointing newcomers to the counter; at the counter the operator has seen the KK, so the
     * region is not checked, and same-province NIKs are left to verification against the registry.
     */
    private static void checkRegion(String nik, Village village, Channel channel, InputProblems problems) {
        if (channel == Channel.ONLINE && !nik.startsWith(village.provinceCode())) {
            problems.add("applicant.nik", "NIK pemohon terdaftar di provinsi lain (kode " + nik.substring(0, 2)
                    + "), bukan di provinsi Desa " + village.name() + ". Periksa kembali NIK Anda; jika Anda pendatang "
                    + "yang sudah tercatat di Kartu Keluarga desa ini, ajukan di kantor desa");
        }
    }

    private static Applicant applicant(Bodies.ApplicantInput input, Village village, Channel channel,
            InputProblems problems) {
        if (input == null) {
            problems.add("applicant", "Data pemohon wajib diisi");
            return null;
        }
        String nik = problems.check("applicant.nik", NIK, input.nik());
        if (nik != null && village != null) {
            checkRegion(nik, village, channel, problems);
        }
        return new Applicant(nik, problems.check("applicant.name", NAME, input.name()),
                problems.check("applicant.phone", PHONE, input.phone()),
                problems.check("applicant.email", EMAIL, input.email()));
    }

    private static Map<String, String> data(LetterType type, Map<String, String> raw, InputProblems problems) {
        Map<String, String> input = raw == null ? Map.of() : raw;
        input.keySet().stream().filter(key -> type.field(key).isEmpty()).sorted().forEach(key -> {
            if (FIELD_KEY.matcher(key).matches()) {
                problems.add("data." + key, "Isian tidak dikenal untuk " + type.label());
            } else if (!problems.has("data")) {
                problems.add("data", "Ada isian dengan nama yang tidak dikenal untuk " + type.label());
            }
        });
        Map<String, String> data = new LinkedHashMap<>();
        for (LetterField field : type.fields()) {
            String value = problems.check("data." + field.name(), field, input.get(field.name()));
            if (value != null) {
                data.put(field.name(), value);
            }
        }
        return data;
    }

    private static List<CheckedFile> files(LetterType type, List<Upload> uploads, InputProblems problems) {
        List<CheckedFile> files = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Upload upload : uploads) {
            Optional<AttachmentSpec> found = type.attachment(upload.part());
            if (found.isEmpty()) {
                problems.add(upload.part(), "Lampiran ini tidak diminta untuk " + type.label());
                continue;
            }
            AttachmentSpec spec = found.get();
            if (!seen.add(spec.kind())) {
                problems.add(spec.kind(), spec.label() + " hanya boleh satu berkas");
                continue;
            }
            String declared = upload.declaredType() == null ? ""
                    : upload.declaredType().split(";")[0].strip().toLowerCase(Locale.ROOT);
            if (!declared.isEmpty() && !DECLARED_TYPES.contains(declared)) {
                problems.add(spec.kind(), spec.label() + " harus berupa berkas " + spec.formats());
                continue;
            }
            FileContent.Verdict verdict = FileContent.judge(upload.bytes());
            if (!verdict.accepted()) {
                problems.add(spec.kind(), spec.label() + " " + verdict.problem());
            } else if (!spec.accepts(verdict.contentType())) {
                problems.add(spec.kind(), spec.label() + " harus berupa berkas " + spec.formats());
            } else {
                files.add(new CheckedFile(spec.kind(), verdict.contentType(), upload.bytes(), sha256(upload.bytes())));
            }
        }
        return files;
    }

    /** Documents brought on paper to the office (dibawa ke kantor): only an operator at the counter can vouch. */
    private static List<String> paper(LetterType type, List<String> kinds, Channel channel, List<CheckedFile> files,
            InputProblems problems) {
        if (kinds == null || kinds.isEmpty()) {
            return List.of();
        }
        if (channel != Channel.COUNTER) {
            problems.add("attachmentsOnPaper", "Hanya petugas di kantor desa yang dapat mencatat dokumen yang "
                    + "dibawa ke kantor; unggah dokumennya");
            return List.of();
        }
        List<String> paper = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            String kind = kinds.get(i);
            Optional<AttachmentSpec> spec = type.attachment(kind);
            String path = "attachmentsOnPaper[" + i + "]";
            if (spec.isEmpty()) {
                problems.add(path, "Dokumen ini tidak diminta untuk " + type.label());
            } else if (files.stream().anyMatch(f -> f.kind().equals(kind))) {
                problems.add(path, spec.get().label() + " sudah diunggah; tidak perlu dicatat dibawa ke kantor");
            } else if (!paper.contains(kind)) {
                paper.add(kind);
            }
        }
        return paper;
    }

    private static void requireDocuments(LetterType type, List<String> present, Channel channel,
            InputProblems problems) {
        type.attachments().stream().filter(AttachmentSpec::required).filter(a -> !present.contains(a.kind()))
                .filter(a -> !problems.has(a.kind())).forEach(a -> problems.add(a.kind(), a.label() + " wajib "
                        + (channel == Channel.COUNTER ? "diunggah atau dicatat dibawa ke kantor" : "diunggah")));
    }

    private static LetterField applicantField(String name, String label, String labelEn, boolean required,
            FieldKind kind, Integer maxLength, String pattern, String patternMessage) {
        return new LetterField(name, label, labelEn, required, kind, maxLength, null, null, null, null, pattern,
                patternMessage, null, null);
    }

    private static String kilobytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " byte";
        }
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes / 1024 + " KB";
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    static String sha256(String text) {
        return sha256(Objects.requireNonNull(text).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
