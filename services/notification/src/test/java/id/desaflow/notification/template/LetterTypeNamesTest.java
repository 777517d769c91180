package id.desaflow.notification.template;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LetterTypeNamesTest {
    private final LetterTypeNames names = new LetterTypeNames();

    @Test
    void labelsComeFromTheSharedCatalogueInBothLanguages() {
        assertThat(names.displayName("surat-keterangan-usaha", "id")).isEqualTo("Surat Keterangan Usaha");
        assertThat(names.displayName("surat-keterangan-usaha", "en")).isEqualTo("Business Certificate");
        assertThat(names.displayName("surat-keterangan-ahli-waris", "id")).isEqualTo("Surat Keterangan Ahli Waris");
    }

    @Test
    void anUnknownCodeIsShownInWords() {
        assertThat(names.displayName("surat-keterangan-belum-ada", "id")).isEqualTo("Surat Keterangan Belum Ada");
        assertThat(names.displayName(null, "id")).isEqualTo("Surat");
        assertThat(new LetterTypeNames("catalogue/missing.json").displayName("surat-pengantar-kk", "en"))
                .isEqualTo("Surat Pengantar Kk");
    }
}
