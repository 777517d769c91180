package id.desaflow.approval.letter;

import java.time.LocalDate;

/** The common village format: {@code [classification]/[sequence, 3 digits]/[village code]/[roman month]/[year]}. */
final class LetterNumber {
    private static final String[] ROMAN_MONTHS = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI",
            "XII"};

    static String format(String classification, int sequence, String villageCode, LocalDate issuedOn) {
        if (sequence < 1) {
            throw new IllegalArgumentException("Letter sequence starts at 1, got " + sequence);
        }
        return classification + "/" + String.format("%03d", sequence) + "/" + villageCode + "/"
                + romanMonth(issuedOn.getMonthValue()) + "/" + issuedOn.getYear();
    }

    static String romanMonth(int month) {
        return ROMAN_MONTHS[month - 1];
    }

    private LetterNumber() {
    }
}
