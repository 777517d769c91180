package id.desaflow.intake.catalogue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each field kind's rules and normalisation, with the Indonesian sentence a resident reads. */
class LetterFieldTest {

    @Test
    void requiredAndLengthAndTextHygiene() {
        LetterField nama = field("namaUsaha", "Nama usaha", true, FieldKind.TEXT, 20);

        assertThat(nama.check("  Warung  Sri ").value()).isEqualTo("Warung  Sri");
        assertThat(nama.check(" \t ").problem()).isEqualTo("Nama usaha wajib diisi");
        assertThat(nama.check(null).problem()).isEqualTo("Nama usaha wajib diisi");
        assertThat(nama.check("W".repeat(21)).problem()).isEqualTo("Nama usaha maksimal 20 karakter");
        assertThat(nama.check("Warung\nSri").problem()).startsWith("Nama usaha mengandung karakter kendali");
        assertThat(nama.check("<script>x</script>").problem()).contains("< atau >");
        assertThat(nama.check("Warung\u200BSri").problem()).contains("tak terlihat");
        assertThat(nama.check("Warung\u202ESri").problem()).contains("tak terlihat");
        assertThat(nama.check("Warung\uD800Sri").problem()).contains("tidak valid");
        assertThat(nama.check("Warung \uD83D\uDE0A").refused()).isFalse(); // an emoji is a real character
        assertThat(field("catatan", "Catatan", false, FieldKind.TEXTAREA, 100).check("baris 1\r\nbaris 2").value())
                .isEqualTo("baris 1\r\nbaris 2");
        assertThat(field("catatan", "Catatan", false, FieldKind.TEXT, 100).check("  ")).isEqualTo(Checked.EMPTY);
        // NFC: "é" typed as e + combining accent is stored composed
        assertThat(nama.check("Cafe\u0301").value()).isEqualTo("Caf\u00E9");
    }

    @Test
    void yearFieldAcceptsFromItsMinimumToThisYear() {
        LetterField year = new LetterField("mulaiUsaha", "Tahun mulai usaha", null, false, FieldKind.YEAR, null, 1950L,
                null, null, null, null, null, null, null);
        String thisYear = String.valueOf(LocalDate.now(ZoneId.of("Asia/Jayapura")).getYear());

        assertThat(year.check("1950").value()).isEqualTo("1950");
        assertThat(year.check(thisYear).refused()).isFalse();
        assertThat(year.check("1949").problem()).isEqualTo("Tahun mulai usaha harus antara 1950 dan " + thisYear);
        assertThat(year.check(String.valueOf(Year.now().getValue() + 2)).refused()).isTrue();
        assertThat(year.check("19a0").problem()).startsWith("Tahun mulai usaha harus berupa tahun 4 digit");
    }

    @Test
    void datesAreRealAndWithinTheirRange() {
        LetterField any = dateField(null);
        LetterField past = dateField(DateRange.NOT_FUTURE);
        LetterField future = dateField(DateRange.NOT_PAST);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));

        assertThat(any.check("2024-02-29").value()).isEqualTo("2024-02-29");
        assertThat(any.check("17-08-2024").value()).isEqualTo("2024-08-17");
        assertThat(any.check("17/08/2024").value()).isEqualTo("2024-08-17");
        assertThat(any.check("2023-02-29").problem()).startsWith("Tanggal harus berupa tanggal yang ada");
        assertThat(any.check("2026-02-30").refused()).isTrue();
        assertThat(any.check("31-02-2020").refused()).isTrue();
        assertThat(any.check("1899-12-31").refused()).isTrue();
        assertThat(past.check(today.plusDays(2).toString()).problem()).isEqualTo("Tanggal tidak boleh setelah hari ini");
        assertThat(past.check(today.toString()).refused()).isFalse();
        assertThat(future.check(today.minusDays(2).toString()).problem())
                .isEqualTo("Tanggal tidak boleh sebelum hari ini");
        assertThat(future.check(today.plusDays(10).toString()).refused()).isFalse();
    }

    @Test
    void numbersAreWholeAndWithinMinMax() {
        LetterField number = new LetterField("penghasilan", "Penghasilan", null, true, FieldKind.NUMBER, null, 0L,
                100_000_000L, null, null, null, null, null, null);

        assertThat(number.check("1500000").value()).isEqualTo("1500000");
        assertThat(number.check("1.500.000").value()).isEqualTo("1500000");
        assertThat(number.check("007").value()).isEqualTo("7");
        assertThat(number.check("1,5").refused()).isTrue();
        assertThat(number.check("-5").refused()).isTrue();
        assertThat(number.check("satu juta").problem()).startsWith("Penghasilan harus berupa bilangan bulat");
        assertThat(number.check("100000001").problem()).isEqualTo("Penghasilan harus antara 0 dan 100000000");
        assertThat(number.check("9".repeat(15)).refused()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"081234567890, +6281234567890", "0812-3456-7890, +6281234567890", "+62 812 3456 7890, +6281234567890",
            "6281234567890, +6281234567890", "(0812) 345 678, +62812345678", "0858123456789, +62858123456789"})
    void indonesianMobileNumbersAreNormalisedToPlus62(String typed, String stored) {
        assertThat(field("hp", "Nomor HP", true, FieldKind.PHONE, null).check(typed).value()).isEqualTo(stored);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0812345", "08123456789012", "+6591234567", "0212345678", "08123456789a", "+62-0812345678",
            "628", "0800000000"})
    void otherNumbersAreRefused(String typed) {
        assertThat(field("hp", "Nomor HP", true, FieldKind.PHONE, null).check(typed).problem())
                .startsWith("Nomor HP harus nomor HP Indonesia");
    }

    @Test
    void choicesForgiveCaseAndSpacingButStoreTheOption() {
        LetterField sex = new LetterField("jenisKelamin", "Jenis kelamin", null, true, FieldKind.CHOICE, null, null,
                null, List.of("Laki-laki", "Perempuan"), null, null, null, null, null);

        assertThat(sex.check("perempuan").value()).isEqualTo("Perempuan");
        assertThat(sex.check("Laki-laki ").value()).isEqualTo("Laki-laki");
        assertThat(sex.check("Pria").problem()).isEqualTo("Jenis kelamin harus salah satu dari: Laki-laki, Perempuan");
    }

    @Test
    void nikAndEmailAndPattern() {
        LetterField nik = field("nikAlmarhum", "NIK almarhum", true, FieldKind.NIK, null);
        LetterField email = field("email", "Email", false, FieldKind.EMAIL, null);
        LetterField jam = new LetterField("jamMulai", "Jam mulai", null, true, FieldKind.TEXT, 5, null, null, null,
                null, "([01][0-9]|2[0-3])[.:][0-5][0-9]", "ditulis jam:menit, contoh 08:30", null, null);

        assertThat(nik.check("3309 0112 0345 0002").value()).isEqualTo("3309011203450002");
        assertThat(nik.check("3309013203450002").problem())
                .isEqualTo("NIK almarhum tidak valid: tanggal lahir pada NIK tidak valid");
        assertThat(nik.check("33090112034500").problem()).isEqualTo("NIK almarhum tidak valid: NIK harus 16 digit angka");
        assertThat(email.check("sri@example.id").value()).isEqualTo("sri@example.id");
        assertThat(email.check("sri@").problem()).startsWith("Email bukan alamat email yang valid");
        assertThat(jam.check("08.30").value()).isEqualTo("08.30");
        assertThat(jam.check("25:00").problem()).isEqualTo("Jam mulai ditulis jam:menit, contoh 08:30");
    }

    @Test
    void catalogueMistakesFailAtStartUp() {
        assertThatThrownBy(() -> field("x", "X", true, FieldKind.TEXT, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> field("x", "X", true, FieldKind.TEXT, 2001))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> field("Bad name", "X", true, FieldKind.TEXT, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> field("pilihan", "X", true, FieldKind.CHOICE, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LetterField("x", "X", null, true, FieldKind.TEXT, 10, null, null, null, null, "[",
                null, null, null)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> new AttachmentSpec("ktp", "KTP", null, true, 3L * 1024 * 1024, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AttachmentSpec("ktp", "KTP", null, true, null, List.of("image/svg+xml"), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AttachmentSpec("request", "JSON", null, true, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static LetterField field(String name, String label, boolean required, FieldKind kind, Integer maxLength) {
        return new LetterField(name, label, null, required, kind, maxLength, null, null, null, null, null, null, null,
                null);
    }

    private static LetterField dateField(DateRange range) {
        return new LetterField("tanggal", "Tanggal", null, true, FieldKind.DATE, null, null, null, null, range, null,
                null, null, null);
    }
}
