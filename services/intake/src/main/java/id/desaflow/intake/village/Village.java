package id.desaflow.intake.village;

import id.desaflow.platform.catalogue.CoverLetterSteps;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.Objects;

/**
 * A desa served by DesaFlow (workflows/catalogue/villages.json, shared with verification and approval).
 * {@code enabledLetterTypes} are the letter types it offers from the start; an administrator may switch types on or
 * off later (see the catalogue's village settings). {@code pengantarRt}: how the RT/RW cover letter comes in.
 */
@Schema(description = "A village (desa) served by DesaFlow")
public record Village(String code, String name, String kecamatan, String kabupaten, String provinsi,
        List<String> dusun, PengantarRt pengantarRt, List<String> enabledLetterTypes) {

    /**
     * LAMPIRAN: the resident brings the ketua RT's signed cover letter as a document (most villages). LANGKAH: the
     * ketua RT approves the request in the chain instead, so the document is optional.
     */
    public enum PengantarRt {
        LAMPIRAN, LANGKAH
    }

    public Village(String code, String name, String kecamatan, String kabupaten, String provinsi,
            List<String> dusun, List<String> enabledLetterTypes) {
        this(code, name, kecamatan, kabupaten, provinsi, dusun, PengantarRt.LAMPIRAN, enabledLetterTypes);
    }

    public Village {
        Objects.requireNonNull(code, "village code");
        if (!code.matches("[0-9]{10}")) {
            throw new IllegalArgumentException("Village code must be 10 digits: " + code);
        }
        dusun = dusun == null ? List.of() : List.copyOf(dusun);
        pengantarRt = pengantarRt == null ? PengantarRt.LAMPIRAN : pengantarRt;
        enabledLetterTypes = enabledLetterTypes == null ? List.of() : List.copyOf(enabledLetterTypes);
    }

    /** Whether this document must come with a request here: not the RT/RW cover letter where the RT approves. */
    public boolean requires(String attachmentKind) {
        return !(pengantarRt == PengantarRt.LANGKAH && CoverLetterSteps.COVER_LETTER.equals(attachmentKind));
    }

    /** The 2-digit province code (Kemendagri), the first part of the village code and of its residents' NIKs. */
    public String provinceCode() {
        return code.substring(0, 2);
    }
}
