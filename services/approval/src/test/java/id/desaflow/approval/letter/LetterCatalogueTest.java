package id.desaflow.approval.letter;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deployment may give a shipped letter type its own classification code ({@code desaflow.letter-types.<type>
 * .classification}): letters of that type are numbered with it, the others keep the catalogue's code.
 */
class LetterCatalogueTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LetterSettings settings(Map<String, LetterSettings.LetterTypeSettings> letterTypes) {
        return new LetterSettings(letterTypes, Map.of(), new LetterSettings.Letters(ZoneId.of("Asia/Jakarta"),
                LetterSettings.SequenceScope.VILLAGE), "http://localhost:8080");
    }

    @Test
    void theCataloguesClassificationCodesWithoutOverrides() {
        LetterCatalogue shipped = new LetterCatalogue(JSON, settings(Map.of()));
        assertThat(shipped.require("surat-keterangan-domisili").classification()).isEqualTo("470");
        assertThat(shipped.require("surat-keterangan-kelahiran").classification()).isEqualTo("474.1");
    }

    @Test
    void aDeploymentsOverrideReplacesTheCodeOfThatTypeOnly() {
        LetterCatalogue catalogue = new LetterCatalogue(JSON, settings(Map.of(
                "surat-keterangan-domisili", new LetterSettings.LetterTypeSettings("470.9"),
                "surat-keterangan-kelahiran", new LetterSettings.LetterTypeSettings(" "))));
        assertThat(catalogue.require("surat-keterangan-domisili").classification()).isEqualTo("470.9");
        assertThat(catalogue.require("surat-keterangan-domisili").version()).isZero();
        // blank means "not set", and types without an entry keep the catalogue's code
        assertThat(catalogue.require("surat-keterangan-kelahiran").classification()).isEqualTo("474.1");
        assertThat(catalogue.require("surat-keterangan-usaha").classification()).isEqualTo("500");
    }
}
