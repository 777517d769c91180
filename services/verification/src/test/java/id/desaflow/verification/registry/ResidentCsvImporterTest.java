package id.desaflow.verification.registry;

import id.desaflow.platform.identity.Nik;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class ResidentCsvImporterTest {
    private static final String HEADER =
            "nik,nama,no_kk,tempat_lahir,tanggal_lahir,jenis_kelamin,alamat,rt,rw,dusun,kode_desa,status\n";

    /** The registry as a map by NIK, with MongoDB's id semantics: saving an entity with an id replaces it. */
    private final Map<String, Resident> byNik = new LinkedHashMap<>();
    private ResidentCsvImporter importer;

    @BeforeEach
    void setUp() {
        PopulationRegistry registry = mock(PopulationRegistry.class);
        when(registry.findByNik(anyString())).thenAnswer(i -> Optional.ofNullable(byNik.get(i.<String>getArgument(0))));
        when(registry.save(any(Resident.class))).thenAnswer(i -> {
            Resident r = i.getArgument(0);
            byNik.put(r.nik(), r);
            return r;
        });
        importer = new ResidentCsvImporter(registry);
    }

    @Test
    void importsGoodRows() {
        var report = importer.importCsv(new StringReader(HEADER
                + "3309016108790002,Sri Wahyuni,3309011504120001,Boyolali,1979-08-21,P,\"Dukuh Beji, Jl. Melati 3\",1,1,Beji,3309012004,HIDUP\n"
                + "\n"
                + "3309011702380008,Wiryo Sumarto,3309010703100003,Boyolali,1938-02-17,L,Dukuh Beji,003,001,Beji,3309012004,MENINGGAL\n"));

        assertThat(report.problems()).isEmpty();
        assertThat(report.imported()).isEqualTo(2);
        Resident sri = byNik.get("3309016108790002");
        assertThat(sri.name()).isEqualTo("Sri Wahyuni");
        assertThat(sri.address()).isEqualTo("Dukuh Beji, Jl. Melati 3");
        assertThat(sri.birthDate()).isEqualTo(LocalDate.of(1979, 8, 21));
        assertThat(sri.sex()).isEqualTo(Sex.P);
        assertThat(sri.rt()).isEqualTo("001");
        assertThat(sri.villageCode()).isEqualTo("3309012004");
        assertThat(byNik.get("3309011702380008").status()).isEqualTo(ResidentStatus.MENINGGAL);
    }

    @Test
    void reportsMalformedRowsWithLineAndReasonAndImportsTheGoodOnes() {
        var report = importer.importCsv(new StringReader(HEADER
                + "3309016108790002,Sri Wahyuni,3309011504120001,Boyolali,1979-08-21,P,Dukuh Beji,001,001,Beji,3309012004,HIDUP\n"
                + "3309019908790003,Salah Tanggal,3309011504120001,Boyolali,1979-08-21,P,Dukuh Beji,001,001,Beji,3309012004,HIDUP\n"
                + "3309012209150002,Bambang Riyadi,3309012209150002,Boyolali,30-01-1968,L,Dukuh Beji,002,001,Beji,3309012004,HIDUP\n"
                + "3309013001680004,Kurang Kolom,3309012209150002,Boyolali\n"
                + "3309011905850015,Joko Susilo,3309012605130006,Boyolali,1985-05-19,L,Dukuh Bulu,007,002,Bulu,3309012004,HIDUP\n"
                + "3309011905850016,Status Aneh,3309012605130006,Boyolali,1985-05-19,L,Dukuh Bulu,007,002,Bulu,3309012004,HILANG\n"));

        assertThat(report.imported()).isEqualTo(2);
        assertThat(byNik).containsOnlyKeys("3309016108790002", "3309011905850015");
        assertThat(report.problems()).extracting(ResidentCsvImporter.RowProblem::line).containsExactly(3, 4, 5, 7);
        assertThat(report.problems().get(0).reason()).isEqualTo("nik: Tanggal lahir pada NIK tidak valid");
        assertThat(report.problems().get(1).reason()).startsWith("tanggal_lahir:");
        assertThat(report.problems().get(2).reason()).contains("Jumlah kolom 4");
        assertThat(report.problems().get(3).reason()).startsWith("status:");
    }

    @Test
    void upsertsByNik() {
        importer.importCsv(new StringReader(HEADER
                + "3309010511600018,Sugiyono,3309011910090007,Boyolali,1960-11-05,L,Dukuh Bulu,008,002,Bulu,3309012004,HIDUP\n"));
        Resident first = byNik.get("3309010511600018");

        var report = importer.importCsv(new StringReader(HEADER
                + "3309010511600018,Sugiyono,3309011910090007,Boyolali,1960-11-05,L,Dukuh Bulu,008,002,Bulu,3309012004,PINDAH\n"));

        assertThat(report.imported()).isEqualTo(1);
        assertThat(byNik).hasSize(1);
        assertThat(byNik.get("3309010511600018").status()).isEqualTo(ResidentStatus.PINDAH);
        assertThat(byNik.get("3309010511600018")).isNotSameAs(first);
    }

    @Test
    void refusesAFileWithoutTheExpectedHeader() {
        var report = importer.importCsv(new StringReader("nik;nama\n3309016108790002;Sri Wahyuni\n"));

        assertThat(report.imported()).isZero();
        assertThat(report.problems()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(1));
    }

    @Test
    void theDemoSeedIsCleanAndItsNiksAgreeWithBirthDateAndSex() throws Exception {
        try (var csv = new InputStreamReader(getClass().getResourceAsStream("/seed/penduduk-3309012004.csv"),
                StandardCharsets.UTF_8)) {
            var report = importer.importCsv(csv);
            assertThat(report.problems()).isEmpty();
            assertThat(report.imported()).isEqualTo(44);
        }
        assertThat(byNik.values()).allSatisfy(r -> {
            Nik nik = new Nik(r.nik());
            assertThat(nik.birthDate()).as(r.name()).isEqualTo(r.birthDate());
            assertThat(nik.female()).as(r.name()).isEqualTo(r.sex() == Sex.P);
            assertThat(nik.districtCode()).isEqualTo("330901");
        });
        assertThat(byNik.values()).filteredOn(r -> r.villageCode().equals("3309012004"))
                .extracting(Resident::dusun).contains("Beji", "Bulu", "Candi", "Bandung", "Bandung Kidul");
        assertThat(byNik.values()).filteredOn(r -> r.status() == ResidentStatus.MENINGGAL).hasSize(1);
        assertThat(byNik.values()).filteredOn(r -> r.status() == ResidentStatus.PINDAH).hasSize(1);
        assertThat(byNik.values()).filteredOn(r -> r.villageCode().equals("3309012005")).hasSize(2);
    }
}
