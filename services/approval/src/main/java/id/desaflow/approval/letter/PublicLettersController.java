package id.desaflow.approval.letter;

import id.desaflow.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/**
 * What anyone holding the paper letter may learn from its QR code, without signing in: that it is genuine, or
 * revoked and why. Only what the letter itself shows (no NIK, no data).
 */
@RestController
@RequestMapping("/api/v1/public/letters")
@Tag(name = "Verifikasi surat", description = "Pemeriksaan keaslian surat dari kode QR (tanpa masuk)")
class PublicLettersController {
    private final LetterRegister register;
    private final LetterCatalogue catalogue;

    PublicLettersController(LetterRegister register, LetterCatalogue catalogue) {
        this.register = register;
        this.catalogue = catalogue;
    }

    record PublicLetter(String letterNumber, String letterType, String letterLabel, Instant issuedAt,
            String residentName, String signerName, String signerPosition, String status, Instant revokedAt,
            String revocationReason) {
    }

    @GetMapping("/{verificationCode}")
    @Operation(summary = "Keaslian surat menurut kode verifikasi pada kode QR")
    PublicLetter check(@PathVariable String verificationCode) {
        String code = verificationCode.strip().toUpperCase(java.util.Locale.ROOT);
        if (!code.matches("[2-9A-Z]{12}")) {
            throw ProblemException.notFound("Surat dengan kode " + verificationCode);
        }
        return register.byVerificationCode(code).map(l -> view(l, catalogue.of(l).label()))
                .orElseThrow(() -> ProblemException.notFound("Surat dengan kode " + verificationCode));
    }

    static PublicLetter view(IssuedLetter l, String label) {
        return new PublicLetter(l.letterNumber(), l.letterType(), label, l.issuedAt(), l.applicantName(),
                l.signerName(), String.join(" ", l.signerPosition().lines().toList()), l.status().name(),
                l.revokedAt(), l.revocationReason());
    }
}
