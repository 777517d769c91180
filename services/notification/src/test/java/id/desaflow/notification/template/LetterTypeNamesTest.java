package id.desaflow.notification.template;

import id.desaflow.platform.catalogue.VillageLetterTypes;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LetterTypeNamesTest {
    /** No village has named a letter type of its own. */
    private static final VillageLetterTypes CATALOGUE_ONLY = VillageLetterTypes.fixed(List.of());
    private static final String BEJI = "3309012004";
    private final LetterTypeNames names = new LetterTypeNames(CATALOGUE_ONLY);

    @Test
    void labelsComeFromTheSharedCatalogueInBothLanguages() {
        assertThat(names.displayName(BEJI, "surat-keterangan-usaha", "id")).isEqualTo("Surat Keterangan Usaha");
        assertThat(names.displayName(BEJI, "surat-keterangan-usaha", "en")).isEqualTo("Business Certificate");
        assertThat(names.displayName(null, "surat-keterangan-ahli-waris", "id"))
                .isEqualTo("Surat Keterangan Ahli Waris");
    }

    @Test
    void anUnknownCodeIsShownInWords() {
        assertThat(names.displayName(BEJI, "surat-keterangan-belum-ada", "id")).isEqualTo("Surat Keterangan Belum Ada");
        assertThat(names.displayName(BEJI, null, "id")).isEqualTo("Surat");
        assertThat(new LetterTypeNames("catalogue/missing.json", CATALOGUE_ONLY)
                .displayName(BEJI, "surat-pengantar-kk", "en")).isEqualTo("Surat Pengantar Kk");
    }
}
