package id.desaflow.approval.workflow;

import id.desaflow.platform.security.Actors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/v1/workflows")
@Tag(name = "Alur persetujuan", description = "Admin desa dan admin kecamatan memasang versi alur (BPMN) per desa, "
        + "memilih versi yang berlaku (rollback) dan memindahkan permohonan yang berjalan")
class WorkflowsController {
    private final WorkflowAdministration administration;
    private final WorkflowMigrations migrations;

    WorkflowsController(WorkflowAdministration administration, WorkflowMigrations migrations) {
        this.administration = administration;
        this.migrations = migrations;
    }

    record CurrentChange(Integer version, String village) {
    }

    record Validation(List<WorkflowProblem> problems) {
    }

    @GetMapping
    @Operation(summary = "Semua alur (jenis surat dan rantai desa) dengan versinya dan versi yang berlaku per desa")
    List<WorkflowAdministration.Workflow> list() {
        return administration.list(Actors.required());
    }

    @GetMapping(path = "/{key}/versions/{version}/bpmn", produces = MediaType.APPLICATION_XML_VALUE)
    @Operation(summary = "Berkas BPMN sebuah versi (yang dibuka editor)")
    byte[] bpmn(@PathVariable String key, @PathVariable int version) {
        return administration.bpmn(key, version, Actors.required());
    }

    @PostMapping(path = "/{key}/validation", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    @Operation(summary = "Periksa berkas BPMN menurut aturan pemasangan tanpa memasangnya")
    Validation validate(@PathVariable String key, @RequestBody(required = false) byte[] xml) {
        return new Validation(administration.validate(key, xml, Actors.required()));
    }

    @PostMapping(path = "/{key}/deployments", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    @Operation(summary = "Pasang versi baru untuk satu desa (village) atau semua desa (hanya admin kecamatan); "
            + "berkas yang melanggar aturan ditolak 422 dengan daftar masalah dan tidak ada yang dipasang")
    ResponseEntity<WorkflowAdministration.Deployed> deploy(@PathVariable String key,
            @RequestParam(required = false) String village, @RequestBody(required = false) byte[] xml) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(administration.deploy(key, xml, village, Actors.required()));
    }

    @PutMapping("/{key}/current")
    @Operation(summary = "Jadikan versi yang ada berlaku untuk permohonan baru di satu desa atau semua desa "
            + "(rollback)")
    WorkflowAdministration.Deployed makeCurrent(@PathVariable String key, @RequestBody CurrentChange change) {
        return administration.makeCurrent(key, change.version(), change.village(), Actors.required());
    }

    @PostMapping("/{key}/migrations")
    @Operation(summary = "Pindahkan permohonan yang berjalan dari satu versi ke versi lain (dryRun: hanya rencana "
            + "dan kegagalannya, 200; selain itu dijalankan di latar belakang, 202)")
    ResponseEntity<?> migrate(@PathVariable String key, @RequestBody WorkflowMigrations.Request request) {
        if (Boolean.TRUE.equals(request.dryRun())) {
            return ResponseEntity.ok(migrations.dryRun(key, request, Actors.required()));
        }
        return ResponseEntity.accepted().body(migrations.start(key, request, Actors.required()));
    }

    @GetMapping("/migrations/{migrationId}")
    @Operation(summary = "Keadaan pemindahan: RUNNING atau DONE, jumlah yang dipindahkan dan yang gagal")
    WorkflowMigrations.Status migration(@PathVariable String migrationId) {
        return migrations.status(migrationId, Actors.required());
    }

    @GetMapping("/audit")
    @Operation(summary = "Jejak perubahan alur oleh admin (pemasangan, versi berlaku, pemindahan), terbaru dulu")
    List<WorkflowStore.AuditEntry> audit(@RequestParam(required = false) String key) {
        return administration.audit(key, Actors.required());
    }
}
