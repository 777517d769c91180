package id.desaflow.platform.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Nomor Induk Kependudukan: 16 digits = 2 province + 2 regency + 2 district + DDMMYY birth date (40 added to DD
 * for women) + 4-digit sequence. Structural checks only; whether the person exists is the registry's business.
 */
public record Nik(String value) {
    private static final Pattern DIGITS = Pattern.compile("[0-9]{16}");

    public Nik {
        problem(value).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
    }

    /** @return why {@code candidate} is not a NIK (Indonesian, for the resident), or empty if it is one */
    public static Optional<String> problem(String candidate) {
        if (candidate == null || candidate.isBlank()) {
            return Optional.of("NIK wajib diisi");
        }
        if (!DIGITS.matcher(candidate).matches()) {
            return Optional.of("NIK harus 16 digit angka");
        }
        int province = Integer.parseInt(candidate.substring(0, 2));
        if (province < 11 || province > 96) {
            return Optional.of("Kode provinsi pada NIK tidak dikenal");
        }
        if (candidate.substring(2, 4).equals("00") || candidate.substring(4, 6).equals("00")) {
            return Optional.of("Kode kabupaten/kecamatan pada NIK tidak valid");
        }
        if (birthDateOf(candidate).isEmpty()) {
            return Optional.of("Tanggal lahir pada NIK tidak valid");
        }
        if (candidate.endsWith("0000")) {
            return Optional.of("Nomor urut pada NIK tidak valid");
        }
        return Optional.empty();
    }

    public static boolean isValid(String candidate) {
        return problem(candidate).isEmpty();
    }

    public LocalDate birthDate() {
        return birthDateOf(value).orElseThrow();
    }

    public boolean female() {
        return Integer.parseInt(value.substring(6, 8)) > 40;
    }

    /** The 6-digit area code (province, regency, district) where the NIK was issued. */
    public String districtCode() {
        return value.substring(0, 6);
    }

    private static Optional<LocalDate> birthDateOf(String nik) {
        int day = Integer.parseInt(nik.substring(6, 8));
        int month = Integer.parseInt(nik.substring(8, 10));
        int yy = Integer.parseInt(nik.substring(10, 12));
        if (day > 40) {
            day -= 40;
        }
        // two-digit year: the latest century that does not put the birth in the future
        int thisYear = Year.now().getValue();
        int year = 2000 + yy > thisYear ? 1900 + yy : 2000 + yy;
        try {
            LocalDate date = LocalDate.of(year, month, day);
            return date.isAfter(LocalDate.now()) ? Optional.empty() : Optional.of(date);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return Masking.nik(value);
    }
}
