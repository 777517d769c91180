package id.desaflow.verification.verification;

import id.desaflow.platform.web.ProblemException;
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

    VerificationController(Verifications verifications) {
        this.verifications = verifications;
    }

    @GetMapping("/{requestId}")
    @Operation(summary = "Hasil verifikasi terakhir sebuah permohonan",
            description = "Untuk perangkat desa: hasil, daftar pemeriksaan, revisi dan waktunya. NIK disamarkan.")
    VerificationView get(@PathVariable String requestId) {
        return verifications.find(requestId).map(VerificationView::of)
                .orElseThrow(() -> ProblemException.notFound("Verifikasi permohonan " + requestId));
    }
}
