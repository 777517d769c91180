package id.desaflow.intake.catalogue;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * A village administrator's full replacement of a letter type's definition. Fields and documents of the shipped
 * definition are matched by name/kind: only their labels, help texts and {@code required} may change. There is no
 * way to send a regex pattern (patterns stay as shipped), nor {@code onlineAllowed}, tracking prefix or workflow.
 */
@Schema(description = "A village's new definition of a letter type (full replacement)")
record DefinitionInput(
        @Schema(description = "The version the administrator started from (0 = shipped); another save in between "
                + "is a 409", example = "0") Integer basedOn,
        @Schema(maxLength = 120, example = "Surat Keterangan Belum Menikah") String label,
        @Schema(maxLength = 120) String labelEn,
        @Schema(pattern = "^[0-9]{3}(\\.[0-9]{1,3})*$", example = "474.2") String classificationCode,
        @Schema(description = "What the resident must prepare, one line each (at most 20); absent = unchanged")
        List<String> requirements,
        @Schema(description = "Data fields in form order (at most 40)") List<FieldInput> fields,
        @Schema(description = "Documents (at most 20)") List<DocumentInput> attachments,
        @Schema(maxLength = 120, example = "SURAT KETERANGAN BELUM MENIKAH") String title,
        @Schema(maxLength = 2000, description = "The letter's statement; {placeholders} name fields of the "
                + "definition or nama, desa, kecamatan, kabupaten, jabatan") String statement) {

    @Schema(description = "A data field; kind, maxLength and options of a shipped field cannot change")
    record FieldInput(
            @Schema(description = "camelCase, letters only for a new field", example = "namaCalonPasangan")
            String name,
            @Schema(maxLength = 120) String label,
            @Schema(maxLength = 120) String labelEn,
            Boolean required,
            FieldKind kind,
            Integer maxLength,
            @Schema(description = "the choices of a choice field") List<String> options,
            @Schema(maxLength = 300) String help,
            @Schema(maxLength = 300) String helpEn) {
    }

    @Schema(description = "A document; contentTypes and maxBytes of a shipped document cannot change")
    record DocumentInput(
            @Schema(pattern = "^[a-z0-9-]{2,40}$", example = "akta-cerai") String kind,
            @Schema(maxLength = 120) String label,
            @Schema(maxLength = 120) String labelEn,
            Boolean required,
            @Schema(description = "image/jpeg, image/png, application/pdf (default all three)")
            List<String> contentTypes,
            @Schema(description = "at most the largest shipped limit (2 MB)") Long maxBytes,
            @Schema(maxLength = 300) String help) {
    }
}
