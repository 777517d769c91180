package id.desaflow.intake.village;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.Objects;

/** A desa served by DesaFlow, with the letter types it offers (villages roll letters out one by one). */
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

    public boolean offers(String letterType) {
        return enabledLetterTypes.contains(letterType);
    }
}
