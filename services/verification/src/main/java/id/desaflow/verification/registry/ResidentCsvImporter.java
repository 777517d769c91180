package id.desaflow.verification.registry;

import com.mongodb.bulk.BulkWriteError;
import id.desaflow.platform.identity.Masking;
import id.desaflow.platform.identity.Nik;
import id.desaflow.platform.web.FieldProblem;
import id.desaflow.platform.web.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.io.Reader;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Imports a village's residents from a CSV export (columns and accepted aliases in README.md), upserting by NIK.
 * The file is streamed: rows are parsed one at a time and written in bulk batches of {@value #BATCH}, so a file of
 * any length needs memory for one batch (plus the NIKs seen, to report duplicates). A bad row is refused with its
 * line and every reason, the good rows are imported: one typo does not block a village. Each created or changed
 * entry carries its audit record (who, when, which import, each field before and after) in the same write.
 */
@Component
public class ResidentCsvImporter {
    static final int BATCH = 1000;
    private static final Logger log = LoggerFactory.getLogger(ResidentCsvImporter.class);
    private static final List<String> NIK_HEADERS = List.of("nik", "noinduk", "nomorinduk", "nikpenduduk");
    private static final List<String> VILLAGE_HEADERS = List.of("kodedesa", "kodewilayah", "kddesa", "kodekelurahan");

    private final MongoTemplate mongo;
    private final Clock clock;

    public ResidentCsvImporter(MongoTemplate mongo, Optional<Clock> clock) {
        this.mongo = mongo;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** A parsed good row: its line, NIK and the values of the columns the file has (null = empty cell). */
    private record ResidentRow(int line, String nik, Map<ResidentField, Object> values) {
    }

    /** Which cell holds what, learnt from the header. */
    private record Layout(int width, int nik, int village, Map<ResidentField, Integer> fields, List<String> columns,
            List<String> ignored) {
    }

    /**
     * @throws InvalidInputException (400, field {@code file}) if the file is empty or lacks a required column;
     *         nothing is stored then
     */
    public RegistryImport importCsv(String villageCode, Reader source, String actor) {
        try (CsvReader csv = new CsvReader(source)) {
            CsvReader.Row header = csv.header();
            if (header == null) {
                throw new InvalidInputException("file", "Berkas CSV kosong");
            }
            Layout layout = layout(header.cells());
            RegistryImport report = new RegistryImport(UUID.randomUUID().toString(), villageCode, actor,
                    clock.instant(), csv.separator(), layout.columns(), layout.ignored());
            mongo.insert(report);
            Map<Long, Integer> firstLineOfNik = new HashMap<>();
            List<ResidentRow> batch = new ArrayList<>(BATCH);
            for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
                if (row.isBlank()) {
                    continue;
                }
                report.row();
                parse(row, layout, villageCode, firstLineOfNik, report).ifPresent(batch::add);
                if (batch.size() == BATCH) {
                    write(batch, villageCode, report, actor);
                    batch.clear();
                }
            }
            write(batch, villageCode, report, actor);
            report.finish(clock.instant());
            mongo.save(report);
            log.info("Registry import {} into village {} by {}: {} rows, {} created, {} updated, {} unchanged, {} "
                    + "refused", report.id(), villageCode, actor, report.rows(), report.created(), report.updated(),
                    report.unchanged(), report.refused());
            return report;
        }
    }

    private static Layout layout(List<String> header) {
        int nik = -1;
        int village = -1;
        Map<ResidentField, Integer> fields = new EnumMap<>(ResidentField.class);
        Map<String, ResidentField> byKey = new HashMap<>();
        for (ResidentField field : ResidentField.values()) {
            field.headerKeys().forEach(key -> byKey.put(key, field));
        }
        List<String> columns = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            String key = ResidentField.headerKey(name);
            ResidentField field = byKey.get(key);
            boolean duplicate;
            if (NIK_HEADERS.contains(key)) {
                duplicate = nik >= 0;
                nik = i;
                columns.add("nik");
            } else if (VILLAGE_HEADERS.contains(key)) {
                duplicate = village >= 0;
                village = i;
                columns.add("kode_desa");
            } else if (field != null) {
                duplicate = fields.put(field, i) != null;
                columns.add(field.column());
            } else {
                duplicate = false;
                ignored.add(name);
            }
            if (duplicate) {
                problems.add(new FieldProblem("file", "Kolom '" + name + "' muncul lebih dari sekali"));
            }
        }
        List<String> missing = new ArrayList<>();
        if (nik < 0) {
            missing.add("nik");
        }
        for (ResidentField field : ResidentField.values()) {
            if (field.required() && !fields.containsKey(field)) {
                missing.add(field.column());
            }
        }
        if (!missing.isEmpty()) {
            problems.add(new FieldProblem("file", "Kolom wajib tidak ada pada baris judul: " + String.join(", ",
                    missing) + " (pemisah yang dikenali: koma, titik koma, tab)"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Layout(header.size(), nik, village, fields, columns, ignored);
    }

    private static Optional<ResidentRow> parse(CsvReader.Row row, Layout layout, String villageCode,
            Map<Long, Integer> firstLineOfNik, RegistryImport report) {
        if (row.broken() != null) {
            String lines = row.line() == row.lastLine() ? "" : " (baris " + row.line() + "-" + row.lastLine() + ")";
            report.refuse(row.line(), null, "Baris tidak dapat dibaca: " + row.broken() + lines);
            return Optional.empty();
        }
        List<String> cells = row.cells();
        if (cells.size() != layout.width()) {
            report.refuse(row.line(), null, "Jumlah kolom " + cells.size() + ", seharusnya " + layout.width()
                    + " seperti baris judul");
            return Optional.empty();
        }
        String nik = cells.get(layout.nik()).strip();
        Optional<String> nikProblem = Nik.problem(nik);
        if (nikProblem.isPresent()) {
            report.refuse(row.line(), null, "nik: " + nikProblem.get());
            return Optional.empty();
        }
        List<String> problems = new ArrayList<>();
        if (layout.village() >= 0) {
            String village = cells.get(layout.village()).strip();
            if (!village.isEmpty() && !village.equals(villageCode)) {
                problems.add("kode_desa: " + village + " bukan desa tujuan impor " + villageCode);
            }
        }
        Map<ResidentField, Object> values = new EnumMap<>(ResidentField.class);
        layout.fields().forEach((field, index) -> {
            if (cells.get(index).indexOf('\uFFFD') >= 0) {
                problems.add(field.column() + ": ada karakter yang tidak terbaca; simpan berkas sebagai CSV UTF-8");
                return;
            }
            try {
                values.put(field, field.parse(cells.get(index)));
            } catch (ResidentField.InvalidValue e) {
                problems.add(field.column() + ": " + e.getMessage());
            }
        });
        Integer earlier = firstLineOfNik.putIfAbsent(Long.parseLong(nik), row.line());
        if (earlier != null) {
            problems.add("nik: sama dengan baris " + earlier + "; satu NIK hanya boleh satu baris");
        }
        if (!problems.isEmpty()) {
            report.refuse(row.line(), Masking.nik(nik), String.join("; ", problems));
            return Optional.empty();
        }
        return Optional.of(new ResidentRow(row.line(), nik, values));
    }

    /** One bulk write for the residents of a batch (new ones inserted, changed ones updated), one for their families. */
    private void write(List<ResidentRow> batch, String villageCode, RegistryImport report, String actor) {
        if (batch.isEmpty()) {
            return;
        }
        Instant at = clock.instant();
        Map<String, Resident> existing = mongo.find(query(where("nik").in(batch.stream().map(ResidentRow::nik)
                .toList())), Resident.class).stream().collect(Collectors.toMap(Resident::nik, Function.identity()));
        BulkOperations residents = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Resident.class);
        List<ResidentRow> written = new ArrayList<>();
        List<Boolean> inserts = new ArrayList<>();
        for (ResidentRow row : batch) {
            Resident known = existing.get(row.nik());
            if (known == null) {
                residents.insert(Resident.of(row.nik(), villageCode, row.values(),
                        new RegistryChange(at, actor, RegistryChange.IMPORT, report.id(), null, List.of())));
                written.add(row);
                inserts.add(true);
                continue;
            }
            List<FieldChange> changes = known.differences(villageCode, row.values());
            if (changes.isEmpty()) {
                report.unchanged(1);
                continue;
            }
            Update update = new Update().set("villageCode", villageCode).set("updatedAt", at).inc("version", 1)
                    .push("history", new RegistryChange(at, actor, RegistryChange.IMPORT, report.id(), null, changes));
            row.values().forEach((field, value) -> update.set(field.property(), value));
            if (row.values().containsKey(ResidentField.NAME)) {
                update.set("nameKey", Resident.nameKey((String) row.values().get(ResidentField.NAME)));
            }
            residents.updateOne(query(where("_id").is(known.id())), update);
            written.add(row);
            inserts.add(false);
        }
        if (written.isEmpty()) {
            return;
        }
        List<Integer> failed = new ArrayList<>();
        try {
            residents.execute();
        } catch (BulkOperationException e) {
            // another import or a correction wrote the same NIK meanwhile: refuse the row, the rest stands
            for (BulkWriteError error : e.getErrors()) {
                failed.add(error.getIndex());
                ResidentRow row = written.get(error.getIndex());
                report.refuse(row.line(), Masking.nik(row.nik()), "NIK ini sedang diubah oleh proses lain; ulangi "
                        + "impor untuk baris ini");
            }
        }
        for (int i = 0; i < written.size(); i++) {
            if (!failed.contains(i)) {
                if (inserts.get(i)) {
                    report.created(1);
                } else {
                    report.updated(1);
                }
            }
        }
        writeFamilies(written, villageCode, at);
        mongo.save(report);
    }

    /**
     * Upserts the Kartu Keluarga of the rows: the head's row sets the family's address and head, another member's
     * row only fills a family not seen before.
     */
    private void writeFamilies(List<ResidentRow> rows, String villageCode, Instant at) {
        Map<String, ResidentRow> representative = new LinkedHashMap<>();
        for (ResidentRow row : rows) {
            Object kk = row.values().get(ResidentField.KK_NUMBER);
            if (kk != null) {
                representative.merge((String) kk, row, (first, other) -> isHead(other) && !isHead(first) ? other
                        : first);
            }
        }
        if (representative.isEmpty()) {
            return;
        }
        BulkOperations families = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Family.class);
        representative.forEach((kk, row) -> {
            boolean head = isHead(row);
            Update update = new Update().set("villageCode", villageCode).set("updatedAt", at);
            for (ResidentField field : List.of(ResidentField.DUSUN, ResidentField.RT, ResidentField.RW,
                    ResidentField.ADDRESS)) {
                if (row.values().containsKey(field)) {
                    if (head) {
                        update.set(field.property(), row.values().get(field));
                    } else {
                        update.setOnInsert(field.property(), row.values().get(field));
                    }
                }
            }
            if (head) {
                update.set("headNik", row.nik()).set("headName", row.values().get(ResidentField.NAME));
            }
            families.upsert(query(where("_id").is(kk)), update);
        });
        families.execute();
    }

    private static boolean isHead(ResidentRow row) {
        return row.values().get(ResidentField.RELATION) == FamilyRelation.KEPALA_KELUARGA;
    }
}
