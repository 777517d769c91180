package id.desaflow.intake.village;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.Objects;

/**
 * A desa served by DesaFlow. {@code enabledLetterTypes} are the letter types it offers from the start; an
 * administrator may switch types on or off later (see the catalogue's village settings).
 */
@Schema(description = "A village (desa) served by DesaFlow")
public record Village(String code, String name, String kecamatan, String kabupaten, String provinsi,
        List<String> dusun, List<String> enabledLetterTypes) {

    public Village {
        Objects.requireNonNull(code, "village code");
        if (!code.matches("[0-9]{10}")) {
            throw new IllegalArgumentException("Village code must be 10 digits: " + code);
        }
        dusun = dusun == null ? List.of() : List.copyOf(dusun);
        enabledLetterTypes = enabledLetterTypes == null ? List.of() : List.copyOf(enabledLetterTypes);
    }

    /** The 2-digit province code (Kemendagri), the first part of the village code and of its residents' NIKs. */
    public String provinceCode() {
        return code.substring(0, 2);
    }
}
