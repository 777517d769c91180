package id.desaflow.approval.letter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LetterNumberTest {

    @ParameterizedTest
    @CsvSource({"1,I", "2,II", "3,III", "4,IV", "5,V", "6,VI", "7,VII", "8,VIII", "9,IX", "10,X", "11,XI",
            "12,XII"})
    void monthsAreRoman(int month, String roman) {
        assertThat(LetterNumber.romanMonth(month)).isEqualTo(roman);
    }

    @Test
    void followsTheVillageFormat() {
        assertThat(LetterNumber.format("500", 1, "3309012004", LocalDate.of(2026, 11, 23)))
                .isEqualTo("500/001/3309012004/XI/2026");
        assertThat(LetterNumber.format("471.1", 45, "3309012004", LocalDate.of(2023, 8, 1)))
                .isEqualTo("471.1/045/3309012004/VIII/2023");
    }

    @Test
    void padsToThreeDigitsButNeverTruncates() {
        assertThat(LetterNumber.format("500", 999, "3309012004", LocalDate.of(2026, 1, 2))).contains("/999/");
        assertThat(LetterNumber.format("500", 1234, "3309012004", LocalDate.of(2026, 1, 2)))
                .isEqualTo("500/1234/3309012004/I/2026");
    }

    @Test
    void sequenceStartsAtOne() {
        assertThatThrownBy(() -> LetterNumber.format("500", 0, "3309012004", LocalDate.of(2026, 1, 2)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
