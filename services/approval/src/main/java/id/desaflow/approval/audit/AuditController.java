package id.desaflow.approval.audit;

import id.desaflow.platform.security.Actors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import id.desaflow.platform.web.InvalidInputException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@Tag(name = "Jejak audit", description = "Siapa melakukan apa, kapan, pada sebuah permohonan")
class AuditController {
    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/api/v1/requests/{requestId}/audit")
    @Operation(summary = "Jejak persetujuan permohonan: tugas dibuat, diambil, dilepas, diputuskan, dieskalasi, "
            + "surat terbit/dicabut (petugas dan admin desa permohonan itu)")
    List<AuditTrail.Entry> audit(@PathVariable String requestId) {
        return trail.of(requestId, Actors.required());
    }

    @GetMapping("/api/v1/audit/officials/{userId}")
    @Operation(summary = "Jejak seorang petugas: tugas diambil, dilepas, diputuskan (dengan alamat asal), terbaru "
            + "dulu, paling banyak 200 (administrator desanya, atau petugas itu sendiri)")
    List<AuditTrail.Entry> official(@PathVariable String userId) {
        if (userId.length() > 120) {
            throw new InvalidInputException("userId", "Nama pengguna paling banyak 120 karakter");
        }
        return trail.ofOfficial(userId, Actors.required());
    }
}
