package id.desaflow.verification.registry;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Values as village-system exports write them. */
class ResidentFieldTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SEX|LAKI-LAKI|L", "SEX|perempuan|P", "SEX|1|L", "SEX|2|P",
            "STATUS|hidup|HIDUP", "STATUS|MATI|MENINGGAL", "STATUS|3|PINDAH", "STATUS|4|HILANG",
            "RELATION|Kepala Keluarga|KEPALA_KELUARGA", "RELATION|1|KEPALA_KELUARGA", "RELATION|ORANGTUA|ORANG_TUA",
            "RELATION|11|LAINNYA", "RELATION|istri|ISTRI",
            "MARITAL_STATUS|Belum Kawin|BELUM_KAWIN", "MARITAL_STATUS|2|KAWIN", "MARITAL_STATUS|cerai mati|CERAI_MATI",
            "WELFARE|Ya|TIDAK_MAMPU", "WELFARE|Pra Sejahtera|TIDAK_MAMPU", "WELFARE|Sejahtera II|MENENGAH",
            "WELFARE|KS III Plus|MAMPU", "WELFARE|MAMPU|MAMPU",
            "RT|7|007", "RW|02|002", "BIRTH_DATE|21-08-1979|1979-08-21", "BIRTH_DATE|21/08/1979|1979-08-21",
            "BIRTH_DATE|1979-08-21|1979-08-21", "NAME|  Sri   Wahyuni |Sri Wahyuni"})
    void readsTheSpellingsOfCommonExports(ResidentField field, String raw, String stored) {
        assertThat(ResidentField.display(field.parse(raw))).isEqualTo(stored);
    }

    @Test
    void notInTheDtksSaysNothingAboutBeingWellOffAndEmptyOptionalValuesAreEmpty() {
        assertThat(ResidentField.WELFARE.parse("Tidak")).isNull();
        assertThat(ResidentField.DUSUN.parse(" ")).isNull();
        assertThat(ResidentField.OCCUPATION.parse("-")).isNull();
    }

    @Test
    void refusesWithAnIndonesianReason() {
        assertThatThrownBy(() -> ResidentField.NAME.parse("")).hasMessage("wajib diisi");
        assertThatThrownBy(() -> ResidentField.KK_NUMBER.parse("12345")).hasMessage("harus 16 digit angka");
        assertThatThrownBy(() -> ResidentField.BIRTH_DATE.parse("30-02-1980")).hasMessageContaining("format harus");
        assertThatThrownBy(() -> ResidentField.BIRTH_DATE.parse(LocalDate.now().plusDays(1).toString()))
                .hasMessageContaining("tidak masuk akal");
        assertThatThrownBy(() -> ResidentField.STATUS.parse("HILANG SEMENTARA"))
                .hasMessageContaining("harus salah satu dari HIDUP, MENINGGAL, PINDAH, HILANG");
        assertThatThrownBy(() -> ResidentField.RT.parse("1234")).hasMessage("harus angka 1-3 digit");
    }

    @Test
    void headerAliasesOfVillageSystemsAreRecognised() {
        assertThat(ResidentField.headerKey("No. KK")).isIn(ResidentField.KK_NUMBER.headerKeys());
        assertThat(ResidentField.headerKey("tanggallahir")).isIn(ResidentField.BIRTH_DATE.headerKeys());
        assertThat(ResidentField.headerKey("status_dasar")).isIn(ResidentField.STATUS.headerKeys());
        assertThat(ResidentField.headerKey("Status Hubungan")).isIn(ResidentField.RELATION.headerKeys());
        assertThat(ResidentField.headerKey("DTKS")).isIn(ResidentField.WELFARE.headerKeys());
        assertThat(ResidentField.headerKey("sex")).isIn(ResidentField.SEX.headerKeys());
    }
}
