package id.desaflow.approval.inbox;

import id.desaflow.approval.inbox.InboxViews.TaskCounts;
import id.desaflow.approval.inbox.InboxViews.TaskFilter;
import id.desaflow.platform.web.InvalidInputException;

import id.desaflow.approval.inbox.InboxViews.CompleteTask;
import id.desaflow.approval.inbox.InboxViews.CompletedTask;
import id.desaflow.approval.inbox.InboxViews.TaskDetail;
import id.desaflow.approval.inbox.InboxViews.TaskSummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
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
    @Operation(summary = "Tugas terbuka untuk grup petugas (menurut peran dan desanya), diurutkan menurut batas waktu")
    List<TaskSummary> open(@Parameter(description = "hanya tanpa token: mis. desa:3309012004:kasi-pelayanan")
            @RequestParam(name = "group", required = false) String group,
            @Parameter(description = "mine = yang saya ambil; group = semua tugas grup saya")
            @RequestParam(name = "scope", required = false) String scope,
            @RequestParam(name = "letterType", required = false) String letterType,
            @RequestParam(name = "dusun", required = false) String dusun,
            @Parameter(description = "hanya yang lewat batas waktu")
            @RequestParam(name = "overdue", required = false, defaultValue = "false") boolean overdue,
            @Parameter(description = "hanya yang belum diambil dan masuk sejak kemarin")
            @RequestParam(name = "new", required = false, defaultValue = "false") boolean fresh) {
        if (scope != null && !scope.equals("mine") && !scope.equals("group")) {
            throw new InvalidInputException("scope", "Lingkup harus mine atau group");
        }
        return inbox.open(groups(group), new TaskFilter("mine".equals(scope), blankToNull(letterType),
                blankToNull(dusun), overdue, fresh));
    }

    @GetMapping("/counts")
    @Operation(summary = "Jumlah tugas terbuka, terlambat, milik saya dan baru (halaman awal petugas)")
    TaskCounts counts(@RequestParam(name = "group", required = false) String group) {
        return inbox.counts(groups(group));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Rincian tugas: data permohonan, hasil verifikasi dan riwayat keputusan")
    TaskDetail detail(@PathVariable("id") String id) {
        return inbox.detail(id, actor.official(null));
    }

    @PostMapping("/{id}/claim")
    @Operation(summary = "Ambil tugas untuk dikerjakan")
    TaskSummary claim(@PathVariable("id") String id) {
        return inbox.claim(id, actor.official(null));
    }

    @PostMapping("/{id}/unclaim")
    @Operation(summary = "Lepaskan tugas agar dapat diambil petugas lain")
    TaskSummary unclaim(@PathVariable("id") String id) {
        return inbox.unclaim(id, actor.official(null));
    }

    @PostMapping("/{id}/complete")
    @Operation(summary = "Putuskan tugas: APPROVE, REJECT (alasan wajib) atau REVISE (catatan wajib)")
    CompletedTask complete(@PathVariable("id") String id, @RequestBody(required = false) CompleteTask body,
            HttpServletRequest request) {
        // the client's address: the browser's when the portal (or a proxy) forwarded it, see PlatformDefaults
        return inbox.complete(id, body, actor.official(null), request.getRemoteAddr());
    }

    /** A list needs groups: the official's own, or in open mode the {@code group} parameter. */
    private OfficialGroups groups(String group) {
        OfficialGroups official = actor.official(group);
        if (official.groups().isEmpty()) {
            throw CurrentActor.groupRequired();
        }
        return official;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
