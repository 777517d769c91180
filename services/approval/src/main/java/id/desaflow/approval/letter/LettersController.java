package id.desaflow.approval.letter;

import id.desaflow.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/letters")
@Tag(name = "Register surat", description = "Surat yang telah terbit (data halaman verifikasi publik)")
class LettersController {
    private final LetterRegister register;

    LettersController(LetterRegister register) {
        this.register = register;
    }

    /** {@code {*ref}} because a letter number contains slashes (500/001/3309012004/XI/2026). */
    @GetMapping("/{*ref}")
    @Operation(summary = "Cari surat terbit menurut nomor surat atau id permohonan")
    IssuedLetter find(@PathVariable("ref") String ref) {
        String key = ref.startsWith("/") ? ref.substring(1) : ref;
        return register.byNumber(key).or(() -> register.byRequestId(key))
                .orElseThrow(() -> ProblemException.notFound("Surat " + key));
    }
}
