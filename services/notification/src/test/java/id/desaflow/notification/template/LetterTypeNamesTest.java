package id.desaflow.notification.template;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LetterTypeNamesTest {
    @Test
    void configuredNamesWinAndUnknownCodesAreShownInWords() {
        var names = new LetterTypeNames(Map.of("surat-keterangan-usaha", "Surat Keterangan Usaha (SKU)"));
        assertThat(names.displayName("surat-keterangan-usaha")).isEqualTo("Surat Keterangan Usaha (SKU)");
        assertThat(names.displayName("surat-keterangan-belum-menikah")).isEqualTo("Surat Keterangan Belum Menikah");
        assertThat(new LetterTypeNames(null).displayName(null)).isEqualTo("Surat");
    }
}
