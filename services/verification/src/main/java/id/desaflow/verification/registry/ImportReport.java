package id.desaflow.verification.registry;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** The answer to an import: what was understood, what was written and which rows were refused and why. */
record ImportReport(String id, String villageCode, RegistryImport.Status status, String actor, Instant startedAt,
        Instant finishedAt, @Schema(example = ";") String separator,
        @Schema(description = "canonical columns recognised, in file order") List<String> columns,
        @Schema(description = "header cells not used") List<String> ignoredColumns,
        @Schema(description = "data rows read (blank lines not counted)") int rows, int accepted, int created,
        int updated, int unchanged, int refused, List<RegistryImport.RowProblem> problems,
        @Schema(description = "true when more rows were refused than problems lists") boolean problemsTruncated) {

    static ImportReport of(RegistryImport i) {
        return new ImportReport(i.id(), i.villageCode(), i.status(), i.actor(), i.startedAt(), i.finishedAt(),
                i.separator(), i.columns(), i.ignoredColumns(), i.rows(), i.accepted(), i.created(), i.updated(),
                i.unchanged(), i.refused(), i.problems(), i.problemsTruncated());
    }
}
