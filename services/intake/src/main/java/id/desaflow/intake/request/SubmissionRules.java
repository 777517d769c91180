package id.desaflow.intake.request;

import id.desaflow.contracts.events.Applicant;
import id.desaflow.intake.catalogue.LetterField;
import id.desaflow.intake.catalogue.LetterType;
import id.desaflow.intake.catalogue.LetterTypes;
import id.desaflow.intake.village.Village;
import id.desaflow.intake.village.Villages;
import id.desaflow.platform.identity.Nik;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** What a submission or revision must satisfy before anything is stored; every field problem is reported at once. */
@Component
class SubmissionRules {
    private static final Pattern VILLAGE_CODE = Pattern.compile("[0-9]{10}");
    private static final Pattern NAME = Pattern.compile("[\\p{L} .'\\-]*\\p{L}[\\p{L} .'\\-]*");
    /** 10-15 digits in all: 08 + 8..13 digits, or +628 + 7..12 digits. */
    private static final Pattern PHONE = Pattern.compile("08[0-9]{8,13}|\\+628[0-9]{7,12}");
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*"
                    + "\\.[A-Za-z]{2,}");

    private final LetterTypes letterTypes;
    private final Villages villages;

    SubmissionRules(LetterTypes letterTypes, Villages villages) {
        this.letterTypes = letterTypes;
        this.villages = villages;
    }

    record ValidSubmission(LetterType letterType, Village village, Applicant applicant, Map<String, String> data) {
    }

    ValidSubmission check(Bodies.Submission body, Channel channel) {
        InputProblems problems = new InputProblems();
        Village village = village(body.villageCode(), problems);
        LetterType type = letterType(body.letterType(), village, channel, problems);
        Applicant applicant = applicant(body.applicant(), problems);
        Map<String, String> data = type == null ? Map.of() : data(type, body.data(), problems);
        problems.throwIfAny();
        return new ValidSubmission(type, village, applicant, data);
    }

    /** The data of a revision: the same rules as at submission, for the request's letter type. */
    Map<String, String> checkData(String letterTypeCode, Map<String, String> raw) {
        LetterType type = letterTypes.find(letterTypeCode).orElseThrow(() -> new IllegalStateException(
                "Stored request has a letter type no longer in the catalogue: " + letterTypeCode));
        InputProblems problems = new InputProblems();
        Map<String, String> data = data(type, raw, problems);
        problems.throwIfAny();
        return data;
    }

    private Village village(String raw, InputProblems problems) {
        String code = problems.text("villageCode", raw, true, 10, false);
        if (code == null) {
            return null;
        }
        if (!VILLAGE_CODE.matcher(code).matches()) {
            problems.add("villageCode", "Kode desa harus 10 digit angka");
            return null;
        }
        Optional<Village> village = villages.find(code);
        if (village.isEmpty()) {
            problems.add("villageCode", "Desa belum terdaftar di DesaFlow");
        }
        return village.orElse(null);
    }

    private LetterType letterType(String raw, Village village, Channel channel, InputProblems problems) {
        String code = problems.text("letterType", raw, true, 64, false);
        if (code == null) {
            return null;
        }
        Optional<LetterType> type = letterTypes.find(code);
        if (type.isEmpty()) {
            problems.add("letterType", "Jenis surat tidak dikenal");
            return null;
        }
        if (village != null && !village.offers(code)) {
            problems.add("letterType", "Jenis surat ini belum dilayani oleh Desa " + village.name());
        } else if (channel == Channel.ONLINE && !type.get().onlineAllowed()) {
            problems.add("letterType", "Jenis surat ini hanya dapat diajukan di kantor desa");
        }
        // the data is still checked against the type, so the resident sees all problems at once
        return type.get();
    }

    private Applicant applicant(Bodies.ApplicantInput input, InputProblems problems) {
        if (input == null) {
            problems.add("applicant", "Wajib diisi");
            return null;
        }
        // Nik.problem covers absent, blank, non-digits (control characters included) and impossible birth dates
        String nik = input.nik() == null ? null : input.nik().strip();
        Optional<String> nikProblem = Nik.problem(nik);
        nikProblem.ifPresent(p -> problems.add("applicant.nik", p));
        String name = problems.text("applicant.name", input.name(), true, 120, false);
        if (name != null && !NAME.matcher(name).matches()) {
            problems.add("applicant.name", "Nama hanya boleh berisi huruf, spasi, titik, apostrof dan tanda hubung");
        }
        String phone = problems.text("applicant.phone", input.phone(), false, 20, false);
        if (phone != null) {
            phone = phone.replaceAll("[ \\-]", "");
            if (!PHONE.matcher(phone).matches()) {
                problems.add("applicant.phone", "Nomor HP harus diawali 08 atau +628 dan terdiri dari 10-15 digit");
            }
        }
        String email = problems.text("applicant.email", input.email(), false, 254, false);
        if (email != null && !EMAIL.matcher(email).matches()) {
            problems.add("applicant.email", "Alamat email tidak valid");
        }
        return new Applicant(nik, name, phone, email);
    }

    private static Map<String, String> data(LetterType type, Map<String, String> raw, InputProblems problems) {
        Map<String, String> input = raw == null ? Map.of() : raw;
        input.keySet().stream().filter(key -> type.field(key).isEmpty()).sorted()
                .forEach(key -> problems.add("data." + key, "Isian tidak dikenal untuk " + type.label()));
        Map<String, String> data = new LinkedHashMap<>();
        for (LetterField field : type.fields()) {
            String path = "data." + field.name();
            String value = problems.text(path, input.get(field.name()), field.required(), field.maxLength(),
                    field.kind().allowsLineBreaks());
            if (value != null) {
                field.problem(value).ifPresentOrElse(p -> problems.add(path, p), () -> data.put(field.name(), value));
            }
        }
        return data;
    }
}
