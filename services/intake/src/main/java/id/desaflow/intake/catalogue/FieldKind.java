package id.desaflow.intake.catalogue;

import com.fasterxml.jackson.annotation.JsonProperty;
import id.desaflow.platform.identity.Nik;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a letter field holds, and so which values it accepts and how they are normalised before storing. New kinds
 * are added here once; letter types then use them as data. The applicant's own phone, e-mail and NIK use the same
 * kinds, so one rule holds everywhere.
 */
public enum FieldKind {
    /** One line of free text. */
    @JsonProperty("text") TEXT(200),
    /** Free text over several lines (e.g. a list of heirs). */
    @JsonProperty("textarea") TEXTAREA(1000),
    /** A calendar date, yyyy-MM-dd (dd-MM-yyyy and dd/MM/yyyy typed at the counter are accepted and normalised). */
    @JsonProperty("date") DATE(10),
    /** A four-digit year from the field's {@code min} (default 1900) up to its {@code max} (default this year). */
    @JsonProperty("year") YEAR(4),
    /** A whole number within min..max; dots as thousands separators (1.500.000) are accepted. */
    @JsonProperty("number") NUMBER(15),
    /** A NIK (e.g. of the deceased), checked with the platform's NIK rules. */
    @JsonProperty("nik") NIK(20), // room for the spaces of a NIK copied as grouped on the card
    /** An Indonesian mobile number: 08..., 628... or +628...; stored as +628... */
    @JsonProperty("phone") PHONE(20),
    /** One of the field's {@code options} (case and spacing are forgiven; the option's own spelling is stored). */
    @JsonProperty("choice") CHOICE(200),
    @JsonProperty("email") EMAIL(254);

    /** Indonesia's earliest time zone (WIT): a date that is "today" anywhere in the country is not in the future. */
    private static final ZoneId EARLIEST_ZONE = ZoneId.of("Asia/Jayapura");
    /** ... and its latest (WIB): a date that is still "today" somewhere is not in the past. */
    private static final ZoneId LATEST_ZONE = ZoneId.of("Asia/Jakarta");
    private static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("dd-MM-uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT));
    private static final Pattern NUMBER_FORMAT = Pattern.compile("[0-9]{1,3}(\\.[0-9]{3})+|[0-9]{1,15}");
    /** National number 8xx with 9-12 digits in all (10-13 with the leading 0), after one of the three prefixes. */
    private static final Pattern PHONE_FORMAT = Pattern.compile("(?:\\+62|62|0)(8[1-9][0-9]{7,10})");
    private static final Pattern PHONE_SEPARATORS = Pattern.compile("[ .()\\-]");
    private static final Pattern EMAIL_FORMAT = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9]"
            + "(?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\\.[A-Za-z]{2,}");

    private final int defaultMaxLength;

    FieldKind(int defaultMaxLength) {
        this.defaultMaxLength = defaultMaxLength;
    }

    int defaultMaxLength() {
        return defaultMaxLength;
    }

    public boolean allowsLineBreaks() {
        return this == TEXTAREA;
    }

    /**
     * @param value trimmed, non-blank, already free of forbidden characters and within the field's length
     * @return the normalised value, or why it is wrong as a phrase to follow the field's label ("harus ...")
     */
    Checked check(LetterField field, String value) {
        return switch (this) {
            case TEXT, TEXTAREA -> Checked.ok(value);
            case DATE -> date(field, value);
            case YEAR -> year(field, value);
            case NUMBER -> number(field, value);
            case NIK -> nik(value.replaceAll("[ .\\-]", "")); // residents copy it grouped from the card
            case PHONE -> phone(value).map(Checked::ok).orElse(Checked.refused("harus nomor HP Indonesia yang "
                    + "diawali 08, 62 atau +62 dan berisi 10-13 digit, contoh 081234567890"));
            case CHOICE -> choice(field.options(), value);
            case EMAIL -> EMAIL_FORMAT.matcher(value).matches() ? Checked.ok(value)
                    : Checked.refused("bukan alamat email yang valid, contoh nama@contoh.id");
        };
    }

    /** @return {@code raw} as +628..., if it is an Indonesian mobile number written in one of the usual ways */
    public static Optional<String> phone(String raw) {
        Matcher m = PHONE_FORMAT.matcher(PHONE_SEPARATORS.matcher(raw).replaceAll(""));
        return m.matches() ? Optional.of("+62" + m.group(1)) : Optional.empty();
    }

    private static Checked nik(String digits) {
        return Nik.problem(digits).map(p -> Checked.refused("tidak valid: " + lowerFirst(p))).orElse(Checked.ok(digits));
    }

    private static Checked date(LetterField field, String value) {
        LocalDate date = null;
        for (DateTimeFormatter format : DATE_FORMATS) {
            try {
                date = LocalDate.parse(value, format);
                break;
            } catch (DateTimeException e) {
                // try the next way of writing it
            }
        }
        if (date == null) {
            return Checked.refused("harus berupa tanggal yang ada, contoh 2024-08-17");
        }
        LocalDate lastSensible = LocalDate.now(LATEST_ZONE).plusYears(5);
        if (date.isBefore(EARLIEST_DATE) || date.isAfter(lastSensible)) {
            return Checked.refused("harus antara 1900 dan " + lastSensible.getYear());
        }
        if (field.dateRange() == DateRange.NOT_FUTURE && date.isAfter(LocalDate.now(EARLIEST_ZONE))) {
            return Checked.refused("tidak boleh setelah hari ini");
        }
        if (field.dateRange() == DateRange.NOT_PAST && date.isBefore(LocalDate.now(LATEST_ZONE))) {
            return Checked.refused("tidak boleh sebelum hari ini");
        }
        return Checked.ok(date.toString());
    }

    private static Checked year(LetterField field, String value) {
        long min = field.min() == null ? 1900 : field.min();
        long max = field.max() == null ? LocalDate.now(EARLIEST_ZONE).getYear() : field.max();
        if (!value.matches("[0-9]{4}")) {
            return Checked.refused("harus berupa tahun 4 digit, contoh 2019");
        }
        int year = Integer.parseInt(value);
        return year < min || year > max ? Checked.refused("harus antara " + min + " dan " + max) : Checked.ok(value);
    }

    private static Checked number(LetterField field, String value) {
        if (!NUMBER_FORMAT.matcher(value).matches()) {
            return Checked.refused("harus berupa bilangan bulat tanpa huruf, contoh 1500000");
        }
        String digits = value.replace(".", "");
        if (digits.length() > 15) {
            return Checked.refused("terlalu besar");
        }
        long number = Long.parseLong(digits);
        if ((field.min() != null && number < field.min()) || (field.max() != null && number > field.max())) {
            return Checked.refused("harus antara " + (field.min() == null ? "0" : field.min()) + " dan "
                    + (field.max() == null ? "tak terbatas" : field.max()));
        }
        return Checked.ok(Long.toString(number));
    }

    private static Checked choice(List<String> options, String value) {
        String typed = value.replaceAll("\\s+", " ");
        return options.stream().filter(o -> o.equalsIgnoreCase(typed)).findFirst().map(Checked::ok)
                .orElse(Checked.refused("harus salah satu dari: " + String.join(", ", options)));
    }

    private static String lowerFirst(String sentence) {
        // "NIK harus ..." keeps its capital acronym; "Tanggal lahir ..." becomes "tanggal lahir ..."
        return sentence.length() > 1 && Character.isLowerCase(sentence.charAt(1))
                ? sentence.substring(0, 1).toLowerCase(Locale.ROOT) + sentence.substring(1) : sentence;
    }
}
