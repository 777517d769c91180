package id.desaflow.approval.letter;

import id.desaflow.platform.security.Actors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/letters")
@Tag(name = "Register surat", description = "Surat yang telah terbit: cari, unduh PDF, cabut")
class LettersController {
    private final Letters letters;
    private final LetterCatalogue catalogue;

    LettersController(Letters letters, LetterCatalogue catalogue) {
        this.letters = letters;
        this.catalogue = catalogue;
    }

    record Revocation(String reason) {
    }

    /** {@code {*ref}} because a letter number contains slashes (500/001/3309012004/XI/2026). */
    @GetMapping("/{*ref}")
    @Operation(summary = "Cari surat terbit menurut nomor surat atau id permohonan — pemohon, petugas dan admin desanya")
    IssuedLetter find(@PathVariable("ref") String ref) {
        return letters.find(ref.startsWith("/") ? ref.substring(1) : ref, Actors.required());
    }

    @GetMapping(path = "/{trackingCode}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "Unduh surat bertanda tangan (PDF) — pemohon, petugas dan admin desanya")
    ResponseEntity<byte[]> pdf(@PathVariable String trackingCode) {
        byte[] pdf = letters.pdf(trackingCode, Actors.required());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("surat-" + trackingCode + ".pdf").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header("X-Content-Type-Options", "nosniff")
                .body(pdf);
    }

    @PostMapping("/{trackingCode}/revocation")
    @Operation(summary = "Cabut surat (admin desa); halaman verifikasi publik lalu menyatakan surat dicabut")
    PublicLettersController.PublicLetter revoke(@PathVariable String trackingCode,
            @RequestBody Revocation revocation, HttpServletRequest request) {
        IssuedLetter revoked = letters.revoke(trackingCode, revocation.reason(), Actors.required(),
                request.getRemoteAddr());
        return PublicLettersController.view(revoked, catalogue.of(revoked).label());
    }
}
