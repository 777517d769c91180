package id.desaflow.verification.registry;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every field of a registry entry, defined once for the CSV import (canonical column, the aliases village-system
 * exports use), the correction API (property name) and storage. The parsers accept the spellings of common exports
 * (OpenSID numeric codes, "LAKI-LAKI", "25/05/1964") and answer in Indonesian why a value is refused.
 */
public enum ResidentField {
    NAME("nama", "name", true, List.of("namalengkap", "name", "namapenduduk"), v -> text(v, 120)),
    KK_NUMBER("no_kk", "kkNumber", false, List.of("nokk", "kk", "nomorkk", "nokartukeluarga", "nomorkartukeluarga"),
            ResidentField::kkNumber),
    BIRTH_PLACE("tempat_lahir", "birthPlace", false, List.of("tempatlahir", "tmptlahir", "tmplahir"),
            v -> text(v, 100)),
    BIRTH_DATE("tanggal_lahir", "birthDate", true, List.of("tanggallahir", "tgllahir", "tgllhr", "tanggallhr"),
            ResidentField::date),
    SEX("jenis_kelamin", "sex", true, List.of("jeniskelamin", "sex", "jk", "kelamin", "gender"),
            v -> code(v, Sex.class, Map.of("L", Sex.L, "LAKI LAKI", Sex.L, "LAKI", Sex.L, "PRIA", Sex.L, "1", Sex.L,
                    "P", Sex.P, "PEREMPUAN", Sex.P, "WANITA", Sex.P, "2", Sex.P))),
    ADDRESS("alamat", "address", false, List.of("alamatsekarang", "alamatlengkap"), v -> text(v, 200)),
    RT("rt", "rt", false, List.of(), ResidentField::rtRw),
    RW("rw", "rw", false, List.of(), ResidentField::rtRw),
    DUSUN("dusun", "dusun", false, List.of("dukuh", "banjar", "namadusun"), v -> text(v, 60)),
    STATUS("status", "status", false, List.of("statusdasar", "hidup", "statushidup", "statuspenduduk"),
            v -> code(v, ResidentStatus.class, Map.of("1", ResidentStatus.HIDUP, "MATI", ResidentStatus.MENINGGAL,
                    "2", ResidentStatus.MENINGGAL, "3", ResidentStatus.PINDAH, "4", ResidentStatus.HILANG))),
    RELATION("hubungan", "relation", false, List.of("statushubungan", "shdk", "hubkeluarga", "hubungankeluarga",
            "kklevel", "statushubungandalamkeluarga"), ResidentField::relation),
    MARITAL_STATUS("status_kawin", "maritalStatus", false, List.of("statuskawin", "kawin", "statusperkawinan",
            "statusnikah", "perkawinan"), v -> code(v, MaritalStatus.class, Map.of("1", MaritalStatus.BELUM_KAWIN,
            "2", MaritalStatus.KAWIN, "3", MaritalStatus.CERAI_HIDUP, "4", MaritalStatus.CERAI_MATI,
            "BELUM MENIKAH", MaritalStatus.BELUM_KAWIN, "MENIKAH", MaritalStatus.KAWIN))),
    OCCUPATION("pekerjaan", "occupation", false, List.of("jenispekerjaan", "namapekerjaan"), v -> text(v, 100)),
    WELFARE("status_kesejahteraan", "welfare", false, List.of("statuskesejahteraan", "kesejahteraan", "dtks",
            "statusdtks", "desil"), ResidentField::welfare);

    private static final Pattern KK = Pattern.compile("[0-9]{16}");
    private static final Pattern RT_RW = Pattern.compile("[0-9]{1,3}");
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ofPattern("uuuu-MM-dd"),
            DateTimeFormatter.ofPattern("dd-MM-uuuu"), DateTimeFormatter.ofPattern("dd/MM/uuuu"),
            DateTimeFormatter.ofPattern("d/M/uuuu"), DateTimeFormatter.ofPattern("dd.MM.uuuu"));
    private static final Map<String, FamilyRelation> RELATION_CODES = Map.of("1", FamilyRelation.KEPALA_KELUARGA,
            "2", FamilyRelation.SUAMI, "3", FamilyRelation.ISTRI, "4", FamilyRelation.ANAK, "5",
            FamilyRelation.MENANTU, "6", FamilyRelation.CUCU, "7", FamilyRelation.ORANG_TUA, "8",
            FamilyRelation.MERTUA, "9", FamilyRelation.FAMILI_LAIN, "10", FamilyRelation.PEMBANTU);

    private final String column;
    private final String property;
    private final boolean required;
    private final List<String> aliases;
    private final Function<String, Object> parser;

    ResidentField(String column, String property, boolean required, List<String> aliases,
            Function<String, Object> parser) {
        this.column = column;
        this.property = property;
        this.required = required;
        this.aliases = aliases;
        this.parser = parser;
    }

    /** The canonical CSV column, e.g. {@code tanggal_lahir}. */
    public String column() {
        return column;
    }

    /** The property in the API and in storage, e.g. {@code birthDate}. */
    public String property() {
        return property;
    }

    /** Whether a row without it is refused and a correction may not clear it. */
    public boolean required() {
        return required;
    }

    /** The names a header cell may have, compared after {@link #headerKey(String)}. */
    List<String> headerKeys() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(headerKey(column)), aliases.stream())
                .toList();
    }

    /**
     * @return the stored value of {@code raw}; null for an empty optional value
     * @throws InvalidValue with the Indonesian reason
     */
    public Object parse(String raw) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty() || value.equals("-")) {
            if (required) {
                throw new InvalidValue("wajib diisi");
            }
            return null;
        }
        return parser.apply(value);
    }

    /** How a stored value is shown in the audit trail. */
    static String display(Object value) {
        return value == null ? null : value.toString();
    }

    /** "No. KK", "NO_KK" and "nokk" are the same header. */
    static String headerKey(String header) {
        return header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static String text(String value, int max) {
        String clean = value.replaceAll("\\s+", " ");
        if (clean.length() > max) {
            throw new InvalidValue("paling banyak " + max + " karakter");
        }
        return clean;
    }

    private static String kkNumber(String value) {
        if (!KK.matcher(value).matches()) {
            throw new InvalidValue("harus 16 digit angka");
        }
        return value;
    }

    /** RT/RW are written zero-padded to three digits everywhere in the village's paperwork. */
    private static String rtRw(String value) {
        if (!RT_RW.matcher(value).matches()) {
            throw new InvalidValue("harus angka 1-3 digit");
        }
        return "%03d".formatted(Integer.parseInt(value));
    }

    private static LocalDate date(String value) {
        for (DateTimeFormatter format : DATES) {
            try {
                LocalDate date = LocalDate.parse(value, format.withResolverStyle(ResolverStyle.STRICT));
                if (date.isAfter(LocalDate.now()) || date.getYear() < 1900) {
                    throw new InvalidValue("tanggal tidak masuk akal");
                }
                return date;
            } catch (DateTimeParseException e) {
                // try the next spelling
            }
        }
        throw new InvalidValue("format harus TTTT-BB-HH (misalnya 1979-08-21) atau HH-BB-TTTT");
    }

    private static FamilyRelation relation(String value) {
        String key = codeKey(value);
        if (key.equals("ORANGTUA")) {
            return FamilyRelation.ORANG_TUA;
        }
        if (key.equals("11")) {
            return FamilyRelation.LAINNYA;
        }
        return code(value, FamilyRelation.class, RELATION_CODES);
    }

    private static Welfare welfare(String value) {
        String key = codeKey(value);
        return switch (key) {
            case "YA", "Y", "TRUE", "DTKS", "TERDAFTAR", "TIDAK MAMPU", "MISKIN", "PRA SEJAHTERA", "PRASEJAHTERA",
                    "SEJAHTERA I", "SEJAHTERA 1", "KS I", "KS 1", "DESIL 1", "DESIL 2", "DESIL 3", "DESIL 4" ->
                    Welfare.TIDAK_MAMPU;
            case "SEJAHTERA II", "SEJAHTERA 2", "KS II", "KS 2", "MENENGAH", "SEDANG" -> Welfare.MENENGAH;
            case "MAMPU", "KAYA", "SEJAHTERA III", "SEJAHTERA 3", "KS III", "KS 3", "SEJAHTERA III PLUS",
                    "SEJAHTERA III+", "KS III PLUS", "KS III+" -> Welfare.MAMPU;
            // "not in DTKS" says nothing about being well-off
            case "TIDAK", "T", "N", "FALSE", "0", "TIDAK TERDAFTAR" -> null;
            default -> code(value, Welfare.class, Map.of());
        };
    }

    /** "laki-laki", "Laki Laki" and "LAKI_LAKI" are the same code. */
    private static String codeKey(String value) {
        return value.toUpperCase(Locale.ROOT).replaceAll("[-_/.]", " ").replaceAll("\\s+", " ").strip();
    }

    private static <E extends Enum<E>> E code(String value, Class<E> type, Map<String, E> aliases) {
        String key = codeKey(value);
        E alias = aliases.get(key);
        if (alias != null) {
            return alias;
        }
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().replace('_', ' ').equals(key)).findFirst()
                .orElseThrow(() -> new InvalidValue("harus salah satu dari " + Arrays.stream(type.getEnumConstants())
                        .map(Enum::name).collect(Collectors.joining(", "))));
    }

    /** A value the registry cannot take; the message is Indonesian, without the field name. */
    public static final class InvalidValue extends RuntimeException {
        InvalidValue(String message) {
            super(message, null, false, false);
        }
    }
}
