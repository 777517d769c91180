package id.desaflow.intake.catalogue;

import org.junit.jupiter.api.Test;

import java.time.Year;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LetterFieldTest {

    @Test
    void yearFieldAcceptsFromItsMinimumToThisYear() {
        LetterField year = new LetterField("mulaiUsaha", "Tahun mulai usaha", "Start year", false, 4, FieldKind.YEAR,
                null, null, 1950);
        String thisYear = String.valueOf(Year.now().getValue());

        assertThat(year.problem("1950")).isEmpty();
        assertThat(year.problem(thisYear)).isEmpty();
        assertThat(year.problem("1949")).hasValueSatisfying(p -> assertThat(p).contains("1950", thisYear));
        assertThat(year.problem(String.valueOf(Year.now().getValue() + 1))).isPresent();
        assertThat(year.problem("19a0")).hasValue("Harus berupa tahun 4 digit");
    }

    @Test
    void otherKindsAndPatternsAreDataToo() {
        LetterField date = new LetterField("tanggal", "Tanggal", "Date", true, 10, FieldKind.DATE, null, null, null);
        LetterField nik = new LetterField("nikAlmarhum", "NIK almarhum", "NIK", true, 16, FieldKind.NIK, null, null,
                null);
        LetterField rt = new LetterField("rt", "RT", "RT", true, 3, FieldKind.TEXT, "[0-9]{3}", "RT ditulis 3 angka",
                null);

        assertThat(date.problem("2026-02-30")).isPresent();
        assertThat(date.problem("2026-02-28")).isEmpty();
        assertThat(nik.problem("3309013208900001")).hasValue("Tanggal lahir pada NIK tidak valid");
        assertThat(rt.problem("02")).hasValue("RT ditulis 3 angka");
        assertThat(rt.problem("002")).isEmpty();
        assertThat(rt.problem("0021")).hasValue("Maksimal 3 karakter");
    }

    @Test
    void catalogueMistakesFailAtStartUp() {
        assertThatThrownBy(() -> new LetterField("x", "X", "X", true, 0, FieldKind.TEXT, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LetterField("x", "X", "X", true, 10, FieldKind.TEXT, "[", null, null))
                .isInstanceOf(RuntimeException.class);
    }
}
