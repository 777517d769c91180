package id.desaflow.verification.registry;

import id.desaflow.platform.web.FieldProblem;
import id.desaflow.platform.web.InvalidInputException;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A correction of a registry entry: only the fields given change; an empty string clears an optional field. Values
 * are read like the CSV import reads them (e.g. {@code birthDate} 1979-08-21, {@code status} MENINGGAL,
 * {@code relation} KEPALA_KELUARGA). The reason is required: it goes into the audit trail.
 */
@Schema(description = "Koreksi data penduduk; hanya isian yang dikirim yang diubah")
record ResidentCorrection(
        @Schema(description = "NIK penduduk yang dikoreksi (tidak dapat diubah)", example = "3309016108790002",
                requiredMode = Schema.RequiredMode.REQUIRED) String nik,
        String name, String kkNumber, String birthPlace, String birthDate, String sex,
        String address, String rt, String rw, String dusun, String status, String relation, String maritalStatus,
        String occupation, String welfare,
        @Schema(description = "Alasan koreksi (wajib), misalnya 'Akta kematian No. 123/2026'",
                requiredMode = Schema.RequiredMode.REQUIRED) String reason) {

    /**
     * @return the parsed values of the fields given
     * @throws InvalidInputException naming every field that cannot be taken, or a missing reason / empty correction
     */
    Map<ResidentField, Object> values() {
        Map<ResidentField, String> given = new EnumMap<>(ResidentField.class);
        put(given, ResidentField.NAME, name);
        put(given, ResidentField.KK_NUMBER, kkNumber);
        put(given, ResidentField.BIRTH_PLACE, birthPlace);
        put(given, ResidentField.BIRTH_DATE, birthDate);
        put(given, ResidentField.SEX, sex);
        put(given, ResidentField.ADDRESS, address);
        put(given, ResidentField.RT, rt);
        put(given, ResidentField.RW, rw);
        put(given, ResidentField.DUSUN, dusun);
        put(given, ResidentField.STATUS, status);
        put(given, ResidentField.RELATION, relation);
        put(given, ResidentField.MARITAL_STATUS, maritalStatus);
        put(given, ResidentField.OCCUPATION, occupation);
        put(given, ResidentField.WELFARE, welfare);
        List<FieldProblem> problems = new ArrayList<>();
        Map<ResidentField, Object> values = new EnumMap<>(ResidentField.class);
        given.forEach((field, raw) -> {
            try {
                values.put(field, field.parse(raw));
            } catch (ResidentField.InvalidValue e) {
                problems.add(new FieldProblem(field.property(), e.getMessage()));
            }
        });
        if (reason == null || reason.isBlank()) {
            problems.add(new FieldProblem("reason", "Alasan koreksi wajib diisi"));
        } else if (reason.length() > 500) {
            problems.add(new FieldProblem("reason", "Paling banyak 500 karakter"));
        }
        if (given.isEmpty()) {
            problems.add(new FieldProblem("body", "Tidak ada isian yang dikoreksi"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return values;
    }

    private static void put(Map<ResidentField, String> given, ResidentField field, String value) {
        if (value != null) {
            given.put(field, value);
        }
    }
}
