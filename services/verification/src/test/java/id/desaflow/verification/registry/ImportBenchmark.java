package id.desaflow.verification.registry;

import id.desaflow.verification.ServiceTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 100,000-resident import, through the real import code into the in-process MongoDB: a benchmark, not a timed
 * test. Runs only with {@code -Pbenchmark} (or {@code -Dbenchmark=true -Dtest=ImportBenchmark}); writes its figures
 * to target/benchmark-import.txt. It asserts only that everything was imported, never how fast.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ImportBenchmark extends ServiceTestSupport {
    private static final int RESIDENTS = 100_000;
    private static final String VILLAGE = "3309012099";
    private static final Path CSV = Path.of("target/benchmark-residents.csv");
    private static final Path REPORT = Path.of("target/benchmark-import.txt");

    @Autowired
    ResidentCsvImporter importer;

    @Test
    void importsOneHundredThousandResidents() throws IOException {
        generate();
        Runtime runtime = Runtime.getRuntime();

        long start = System.nanoTime();
        RegistryImport first;
        try (Reader csv = Files.newBufferedReader(CSV, StandardCharsets.UTF_8)) {
            first = importer.importCsv(VILLAGE, csv, "benchmark");
        }
        double firstSeconds = (System.nanoTime() - start) / 1e9;
        long heapAfterFirst = (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);

        start = System.nanoTime();
        RegistryImport again;
        try (Reader csv = Files.newBufferedReader(CSV, StandardCharsets.UTF_8)) {
            again = importer.importCsv(VILLAGE, csv, "benchmark");
        }
        double againSeconds = (System.nanoTime() - start) / 1e9;

        assertThat(first.created()).isEqualTo(RESIDENTS);
        assertThat(first.refused()).isZero();
        assertThat(again.unchanged()).isEqualTo(RESIDENTS);
        assertThat(registry.countByVillageCode(VILLAGE)).isEqualTo(RESIDENTS);

        String figures = String.format(Locale.ROOT, """
                DesaFlow verification: registry CSV import benchmark
                file:            %s (%d residents, %.1f MB, %d families, comma-separated, UTF-8)
                store:           in-process MongoDB wire-protocol server (mongo-java-server, memory backend)
                first import:    %d created, %d refused in %.1f s = %.0f rows/s
                same file again: %d unchanged (lookups, no writes) in %.1f s = %.0f rows/s
                heap in use after the first import: %d MB of max %d MB (registry in the same JVM's memory)
                machine:         %d cores available to the JVM, Java %s
                command:         cd /work/main && mvn -B -o -q -pl services/verification test -Pbenchmark
                """, CSV, RESIDENTS, Files.size(CSV) / 1e6, RESIDENTS / 4, first.created(), first.refused(),
                firstSeconds, RESIDENTS / firstSeconds, again.unchanged(), againSeconds, RESIDENTS / againSeconds,
                heapAfterFirst, runtime.maxMemory() / (1024 * 1024), runtime.availableProcessors(),
                System.getProperty("java.version"));
        Files.writeString(REPORT, figures);
        System.out.println(figures);
    }

    /** Families of four (head, wife, two children) over five dusun and 21 RT, written as they are generated. */
    private static void generate() throws IOException {
        String[] dusun = {"Beji", "Bulu", "Candi", "Bandung", "Bandung Kidul"};
        String[] relation = {"KEPALA KELUARGA", "ISTRI", "ANAK", "ANAK"};
        String[] marital = {"KAWIN", "KAWIN", "BELUM KAWIN", "BELUM KAWIN"};
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(CSV, StandardCharsets.UTF_8), 1 << 16)) {
            out.write("nik,nama,no_kk,tempat_lahir,tanggal_lahir,jenis_kelamin,alamat,rt,rw,dusun,kode_desa,status,"
                    + "hubungan,status_kawin,pekerjaan,status_kesejahteraan\n");
            for (int i = 0; i < RESIDENTS; i++) {
                int family = i / 4;
                int member = i % 4;
                boolean female = member == 1 || (member == 3 && family % 2 == 0);
                // unique NIKs: 12 birth dates x 9,000 sequence numbers (x 2 sexes)
                int dateIndex = i / 9000;
                LocalDate born = LocalDate.of(1950 + dateIndex * 5 + (member >= 2 ? 20 : 0) % 30, 1 + dateIndex, 10
                        + member);
                String nik = "330901%02d%02d%02d%04d".formatted(born.getDayOfMonth() + (female ? 40 : 0),
                        born.getMonthValue(), born.getYear() % 100, i % 9000 + 1);
                String kk = "3309%012d".formatted(family + 1);
                int rt = family % 21 + 1;
                out.write(String.join(",", nik, "Warga " + family + "-" + member, kk, "Boyolali", born.toString(),
                        female ? "P" : "L", "\"Dukuh " + dusun[family % 5] + ", RT " + rt + "\"",
                        String.valueOf(rt), String.valueOf(rt / 5 + 1), dusun[family % 5], VILLAGE, "HIDUP",
                        relation[member], marital[member], member < 2 ? "Petani" : "Pelajar/Mahasiswa",
                        family % 10 == 0 ? "DTKS" : ""));
                out.write('\n');
            }
        }
    }
}
