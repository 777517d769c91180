package id.desaflow.verification.registry;

import id.desaflow.platform.identity.Nik;
import org.springframework.stereotype.Component;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Imports residents from the village's CSV export (columns in README.md), upserting by NIK. A bad row is reported
 * with its line number and reason and skipped; the good rows are imported, so one typo does not block a village.
 */
@Component
public class ResidentCsvImporter {
    static final List<String> COLUMNS = List.of("nik", "nama", "no_kk", "tempat_lahir", "tanggal_lahir",
            "jenis_kelamin", "alamat", "rt", "rw", "dusun", "kode_desa", "status");
    private static final Pattern KK = Pattern.compile("[0-9]{16}");
    private static final Pattern RT_RW = Pattern.compile("[0-9]{1,3}");
    private static final Pattern VILLAGE_CODE = Pattern.compile("[0-9]{10}");

    private final PopulationRegistry registry;

    public ResidentCsvImporter(PopulationRegistry registry) {
        this.registry = registry;
    }

    /** One rejected line of the file; {@code reason} is Indonesian, for the village administrator. */
    public record RowProblem(int line, String reason) {
    }

    public record ImportReport(int imported, List<RowProblem> problems) {
    }

    public ImportReport importCsv(Reader source) {
        List<RowProblem> problems = new ArrayList<>();
        int imported = 0;
        try (BufferedReader in = new BufferedReader(source)) {
            String header = in.readLine();
            if (header == null || !split(stripBom(header)).stream().map(String::strip).toList().equals(COLUMNS)) {
                return new ImportReport(0, List.of(new RowProblem(1, "Baris judul harus: " + String.join(",", COLUMNS))));
            }
            int lineNumber = 1;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    Resident resident = parse(split(line));
                    registry.save(registry.findByNik(resident.nik()).map(resident::replacing).orElse(resident));
                    imported++;
                } catch (RowException e) {
                    problems.add(new RowProblem(lineNumber, e.getMessage()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ImportReport(imported, List.copyOf(problems));
    }

    private static Resident parse(List<String> cells) {
        if (cells.size() != COLUMNS.size()) {
            throw new RowException("Jumlah kolom " + cells.size() + ", seharusnya " + COLUMNS.size());
        }
        String[] c = cells.stream().map(String::strip).toArray(String[]::new);
        Nik.problem(c[0]).ifPresent(p -> {
            throw new RowException("nik: " + p);
        });
        return new Resident(c[0], required("nama", c[1]), matching("no_kk", c[2], KK, "harus 16 digit angka"),
                required("tempat_lahir", c[3]), date(c[4]), oneOf("jenis_kelamin", c[5], Sex.class),
                required("alamat", c[6]), rtRw("rt", c[7]), rtRw("rw", c[8]), required("dusun", c[9]),
                matching("kode_desa", c[10], VILLAGE_CODE, "harus 10 digit angka"),
                oneOf("status", c[11], ResidentStatus.class));
    }

    private static String required(String column, String value) {
        if (value.isEmpty()) {
            throw new RowException(column + ": wajib diisi");
        }
        return value;
    }

    private static String matching(String column, String value, Pattern pattern, String rule) {
        if (!pattern.matcher(value).matches()) {
            throw new RowException(column + ": " + rule);
        }
        return value;
    }

    /** RT/RW are written zero-padded to three digits everywhere in the village's paperwork. */
    private static String rtRw(String column, String value) {
        return "%03d".formatted(Integer.parseInt(matching(column, value, RT_RW, "harus angka 1-3 digit")));
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new RowException("tanggal_lahir: format harus TTTT-BB-HH, misalnya 1979-08-21");
        }
    }

    private static <E extends Enum<E>> E oneOf(String column, String value, Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value)).findFirst()
                .orElseThrow(() -> new RowException(column + ": harus salah satu dari "
                        + Arrays.toString(type.getEnumConstants())));
    }

    /** Splits one CSV line (RFC 4180 quoting, so addresses may contain commas). */
    static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    private static String stripBom(String header) {
        return Optional.of(header).filter(h -> h.startsWith("\uFEFF")).map(h -> h.substring(1)).orElse(header);
    }

    private static final class RowException extends RuntimeException {
        RowException(String message) {
            super(message, null, false, false);
        }
    }
}
