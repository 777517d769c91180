package id.desaflow.approval.inbox;

import id.desaflow.approval.inbox.InboxViews.CompleteTask;
import id.desaflow.approval.inbox.InboxViews.CompletedTask;
import id.desaflow.approval.inbox.InboxViews.TaskDetail;
import id.desaflow.approval.inbox.InboxViews.TaskSummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/v1/tasks")
@Tag(name = "Kotak tugas perangkat desa", description = "Pemeriksaan, paraf dan tanda tangan permohonan surat")
class TasksController {
    private final Inbox inbox;
    private final CurrentActor actor;

    TasksController(Inbox inbox, CurrentActor actor) {
        this.inbox = inbox;
        this.actor = actor;
    }

    @GetMapping
    @Operation(summary = "Daftar tugas terbuka sebuah grup, diurutkan menurut batas waktu")
    List<TaskSummary> open(@Parameter(description = "mis. desa:3309012004:kasi-pelayanan")
            @RequestParam(name = "group", required = false) String group) {
        return inbox.open(group);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Rincian tugas: data permohonan dan riwayat keputusan")
    TaskDetail detail(@PathVariable("id") String id) {
        return inbox.detail(id);
    }

    @PostMapping("/{id}/claim")
    @Operation(summary = "Ambil tugas untuk dikerjakan")
    TaskSummary claim(@PathVariable("id") String id) {
        return inbox.claim(id, actor.name());
    }

    @PostMapping("/{id}/unclaim")
    @Operation(summary = "Lepaskan tugas agar dapat diambil petugas lain")
    TaskSummary unclaim(@PathVariable("id") String id) {
        return inbox.unclaim(id, actor.name());
    }

    @PostMapping("/{id}/complete")
    @Operation(summary = "Putuskan tugas: APPROVE, REJECT (alasan wajib) atau REVISE (catatan wajib)")
    CompletedTask complete(@PathVariable("id") String id, @RequestBody(required = false) CompleteTask body) {
        return inbox.complete(id, body, actor.name());
    }
}
