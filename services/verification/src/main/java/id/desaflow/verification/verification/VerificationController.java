package id.desaflow.verification.verification;

import id.desaflow.platform.web.ProblemException;
import id.desaflow.verification.registry.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/verifications")
@Tag(name = "Verifikasi", description = "Hasil pemeriksaan otomatis permohonan surat terhadap data kependudukan")
class VerificationController {
    private final Verifications verifications;
    private final CurrentActor actor;

    VerificationController(Verifications verifications, CurrentActor actor) {
        this.verifications = verifications;
        this.actor = actor;
    }

    @GetMapping("/{requestId}")
    @Operation(summary = "Hasil verifikasi terakhir sebuah permohonan",
            description = "Untuk perangkat desa: hasil, daftar pemeriksaan, revisi dan waktunya. NIK disamarkan.")
    VerificationView get(@PathVariable String requestId) {
        VerificationView view = verifications.find(requestId).map(VerificationView::of)
                .orElseThrow(() -> ProblemException.notFound("Verifikasi permohonan " + requestId));
        actor.requireReader(view.villageCode());
        return view;
    }
}
