package id.desaflow.platform.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class NikTest {

    @ParameterizedTest
    @CsvSource({
            "'', NIK wajib diisi",
            "123, NIK harus 16 digit angka",
            "33090145089000011, NIK harus 16 digit angka",
            "3309O14508900001, NIK harus 16 digit angka",
            "0909014508900001, Kode provinsi pada NIK tidak dikenal",
            "3300014508900001, Kode kabupaten/kecamatan pada NIK tidak valid",
            "3309013208900001, Tanggal lahir pada NIK tidak valid",
            "3309017208900001, Tanggal lahir pada NIK tidak valid",
            "3309011513900001, Tanggal lahir pada NIK tidak valid",
            "3309013002900001, Tanggal lahir pada NIK tidak valid",
            "3309014508900000, Nomor urut pada NIK tidak valid"})
    void refusesWithAReasonTheResidentUnderstands(String nik, String reason) {
        assertThat(Nik.problem(nik)).contains(reason);
    }

    @Test
    void readsBirthDateAndSexFromAValidNik() {
        Nik woman = new Nik("3309014508900001");
        assertThat(woman.female()).isTrue();
        assertThat(woman.birthDate()).isEqualTo(LocalDate.of(1990, 8, 5));
        Nik man = new Nik("3309010101050003");
        assertThat(man.female()).isFalse();
        assertThat(man.birthDate()).isEqualTo(LocalDate.of(2005, 1, 1));
        assertThat(man.districtCode()).isEqualTo("330901");
        assertThat(Nik.problem("3309012902000001")).isEmpty(); // 29 Feb 2000 exists
    }

    @Test
    void neverPrintsTheFullNumber() {
        assertThat(new Nik("3309014508900001").toString()).isEqualTo("3309**********01");
        assertThat(Masking.phone("081234567890")).isEqualTo("0812****7890");
        assertThat(Masking.email("sri@example.id")).isEqualTo("s**@e******.id");
    }
}
