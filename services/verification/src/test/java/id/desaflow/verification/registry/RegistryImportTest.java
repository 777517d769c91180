package id.desaflow.verification.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.desaflow.verification.ServiceTestSupport;
import id.desaflow.verification.TestResidents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** CSV imports through the API into the registry in MongoDB. */
class RegistryImportTest extends ServiceTestSupport {
    /** A village of its own per test class: imports and counts do not meet the demo village's. */
    private static final String VILLAGE = "3309012010";
    /** Its admin: imports are for a village's administrators. */
    private static final String ADMIN_OF_VILLAGE = "desa:" + VILLAGE + ":admin-desa";
    private static final String HEADER = "nik,nama,no_kk,tempat_lahir,tanggal_lahir,jenis_kelamin,alamat,rt,rw,dusun,"
            + "kode_desa,status,hubungan,status_kawin,pekerjaan,status_kesejahteraan\n";

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;

    private ResultActions importCsv(String csv) throws Exception {
        return importCsv(csv.getBytes(StandardCharsets.UTF_8), "text/csv");
    }

    private ResultActions importCsv(byte[] csv, String contentType) throws Exception {
        return mvc.perform(post("/api/v1/registry/{village}/imports", VILLAGE).contentType(contentType).content(csv)
                .header("X-DesaFlow-User", "admin.beji").header("X-DesaFlow-Groups", ADMIN_OF_VILLAGE));
    }

    private static String nik(int year, boolean female) {
        return TestResidents.nik(LocalDate.of(year, 3, 12), female);
    }

    private static String row(String nik, String name, String kk, String born, String sex, String relation) {
        return String.join(",", nik, name, kk, "Boyolali", born, sex, "\"Dukuh Candi, Jl. Mawar 2\"", "10", "3",
                "Candi", VILLAGE, "HIDUP", relation, "KAWIN", "Petani", "") + "\n";
    }

    @Test
    void malformedRowsAreReportedWithLineAndReasonAndTheGoodRowsAreImported() throws Exception {
        String kk = TestResidents.kkNumber();
        String good1 = nik(1975, false);
        String good2 = nik(1979, true);
        String csv = HEADER
                + row(good1, "Sutrisno Baru", kk, "1975-03-12", "L", "KEPALA KELUARGA")
                + row("3309019903750001", "Tanggal NIK Salah", kk, "1975-03-12", "L", "ANAK")
                + row(nik(1980, false), "Tanggal Salah", kk, "1980-02-31", "L", "ANAK")
                + "3309011203750002,Kurang Kolom,3309011504120001\n"
                + row(good2, "Sri Baru", kk, "12-03-1979", "P", "ISTRI")
                + row(nik(1990, false), "", "123", "1990-03-12", "X", "BOS")
                + row(good1, "Sutrisno Ganda", kk, "1975-03-12", "L", "KEPALA KELUARGA")
                + "\n"
                + row(nik(1991, false), "Desa Lain", kk, "1991-03-12", "L", "ANAK").replace(VILLAGE, "3309012004");

        JsonNode report = json.readTree(importCsv(csv).andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith(
                        "/api/v1/registry/" + VILLAGE + "/imports/")))
                .andReturn().getResponse().getContentAsString());

        assertThat(report.path("status").asText()).isEqualTo("SELESAI");
        assertThat(report.path("actor").asText()).isEqualTo("admin.beji");
        assertThat(report.path("rows").asInt()).isEqualTo(8);
        assertThat(report.path("created").asInt()).isEqualTo(2);
        assertThat(report.path("accepted").asInt()).isEqualTo(2);
        assertThat(report.path("refused").asInt()).isEqualTo(6);
        JsonNode problems = report.path("problems");
        assertThat(problems.findValuesAsText("line")).containsExactly("3", "4", "5", "7", "8", "10");
        assertThat(problems.get(0).path("reason").asText()).isEqualTo("nik: Tanggal lahir pada NIK tidak valid");
        assertThat(problems.get(1).path("reason").asText()).startsWith("tanggal_lahir: format harus");
        assertThat(problems.get(2).path("reason").asText()).contains("Jumlah kolom 3, seharusnya 16");
        assertThat(problems.get(3).path("reason").asText()).contains("nama: wajib diisi", "no_kk: harus 16 digit",
                "jenis_kelamin: harus salah satu dari L, P", "hubungan: harus salah satu dari");
        assertThat(problems.get(4).path("reason").asText()).isEqualTo("nik: sama dengan baris 2; satu NIK hanya "
                + "boleh satu baris");
        assertThat(problems.get(5).path("reason").asText()).contains("kode_desa: 3309012004 bukan desa tujuan");
        assertThat(problems.get(4).path("nikMasked").asText()).doesNotContain(good1.substring(4, 14));

        Resident sri = registry.findByNik(good2).orElseThrow();
        assertThat(sri.birthDate()).isEqualTo(LocalDate.of(1979, 3, 12));
        assertThat(sri.address()).isEqualTo("Dukuh Candi, Jl. Mawar 2");
        assertThat(sri.rt()).isEqualTo("010");
        assertThat(sri.rw()).isEqualTo("003");
        assertThat(sri.relation()).isEqualTo(FamilyRelation.ISTRI);
        assertThat(sri.welfare()).isNull();
        assertThat(sri.history()).singleElement().satisfies(c -> {
            assertThat(c.source()).isEqualTo("IMPORT");
            assertThat(c.importId()).isEqualTo(report.path("id").asText());
            assertThat(c.actor()).isEqualTo("admin.beji");
        });

        mvc.perform(get("/api/v1/registry/{village}/imports/{id}", VILLAGE, report.path("id").asText())
                        .header("X-DesaFlow-Groups", ADMIN_OF_VILLAGE))
                .andExpect(status().isOk()).andExpect(jsonPath("$.refused").value(6))
                .andExpect(jsonPath("$.problems[0].line").value(3));
        mvc.perform(post("/api/v1/registry/{village}/families/lookup", VILLAGE)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"kkNumber\":\"" + kk + "\"}")
                        .header("X-DesaFlow-Groups", ADMIN_OF_VILLAGE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.headNik").value(good1))
                .andExpect(jsonPath("$.headName").value("Sutrisno Baru"))
                .andExpect(jsonPath("$.dusun").value("Candi"))
                .andExpect(jsonPath("$.members.length()").value(2));
    }

    @Test
    void opensidStyleExportsWithSemicolonsByteOrderMarkAndNumericCodesAreUnderstood() throws Exception {
        String nik = nik(1968, false);
        String kk = TestResidents.kkNumber();
        String csv = "\uFEFFNIK;Nama;No. KK;tanggallahir;sex;Dusun;RT;RW;status_dasar;kk_level;status_kawin;"
                + "Pekerjaan;DTKS;agama\r\n"
                + nik + ";BAMBANG RIYADI;" + kk + ";30/01/1968;1;Candi;2;1;1;1;2;Wiraswasta;Ya;Islam\r\n";

        importCsv(csv).andExpect(status().isCreated())
                .andExpect(jsonPath("$.separator").value(";"))
                .andExpect(jsonPath("$.created").value(1))
                .andExpect(jsonPath("$.ignoredColumns[0]").value("agama"))
                .andExpect(jsonPath("$.columns[4]").value("jenis_kelamin"));

        Resident bambang = registry.findByNik(nik).orElseThrow();
        assertThat(bambang.birthDate()).isEqualTo(LocalDate.of(1968, 1, 30));
        assertThat(bambang.sex()).isEqualTo(Sex.L);
        assertThat(bambang.rt()).isEqualTo("002");
        assertThat(bambang.status()).isEqualTo(ResidentStatus.HIDUP);
        assertThat(bambang.relation()).isEqualTo(FamilyRelation.KEPALA_KELUARGA);
        assertThat(bambang.maritalStatus()).isEqualTo(MaritalStatus.KAWIN);
        assertThat(bambang.welfare()).isEqualTo(Welfare.TIDAK_MAMPU);
        assertThat(bambang.villageCode()).isEqualTo(VILLAGE);
    }

    @Test
    void reImportingUpsertsByNikAndAuditsEachChangedFieldBeforeAndAfter() throws Exception {
        String nik = nik(1960, false);
        String kk = TestResidents.kkNumber();
        String first = HEADER + row(nik, "Sugiyono", kk, "1960-03-12", "L", "KEPALA KELUARGA");
        importCsv(first).andExpect(status().isCreated()).andExpect(jsonPath("$.created").value(1));

        importCsv(first).andExpect(jsonPath("$.unchanged").value(1)).andExpect(jsonPath("$.created").value(0));
        importCsv(first.replace(",HIDUP,", ",PINDAH,").replace("\"Dukuh Candi, Jl. Mawar 2\"", "Dukuh Bulu"))
                .andExpect(jsonPath("$.updated").value(1));

        Resident moved = registry.findByNik(nik).orElseThrow();
        assertThat(moved.status()).isEqualTo(ResidentStatus.PINDAH);
        assertThat(moved.history()).hasSize(2);
        assertThat(moved.history().get(1).changes()).containsExactly(
                new FieldChange("address", "Dukuh Candi, Jl. Mawar 2", "Dukuh Bulu"),
                new FieldChange("status", "HIDUP", "PINDAH"));
        assertThat(registry.findAll()).filteredOn(r -> r.nik().equals(nik)).hasSize(1);
    }

    @Test
    void aFileWithoutTheRequiredColumnsIsRefusedWholeAndNothingIsStored() throws Exception {
        long before = registry.countByVillageCode(VILLAGE);
        importCsv("nik;nama\n" + nik(1970, false) + ";Tanpa Tanggal\n")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString(
                        "tanggal_lahir, jenis_kelamin")));
        importCsv("").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("Berkas CSV kosong"));
        mvc.perform(post("/api/v1/registry/{village}/imports", "Beji").contentType("text/csv").content(HEADER))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("villageCode"));
        assertThat(registry.countByVillageCode(VILLAGE)).isEqualTo(before);
    }

    @Test
    void aCsvLargerThanTheJsonLimitIsStreamedAndOneLargerThanTheImportLimitIsRefused() throws Exception {
        StringBuilder csv = new StringBuilder(HEADER);
        String kk = TestResidents.kkNumber();
        for (int i = 0; i < 800; i++) {
            csv.append(row(nik(1950 + i % 50, i % 2 == 0), "Warga Banyak " + i, kk, "%d-03-12".formatted(1950 + i % 50),
                    i % 2 == 0 ? "P" : "L", "ANAK"));
        }
        assertThat(csv.length()).as("over the platform's 64 KB JSON limit").isGreaterThan(100_000);
        importCsv(csv.toString()).andExpect(status().isCreated()).andExpect(jsonPath("$.created").value(800));

        importCsv(new byte[3 * 1024 * 1024], "text/csv").andExpect(status().isPayloadTooLarge());
        mvc.perform(post("/api/v1/verifications").contentType(MediaType.APPLICATION_JSON)
                        .content(new byte[100 * 1024]))
                .andExpect(status().isPayloadTooLarge()); // other bodies keep the JSON limit
    }

    @Test
    void aFileMayAlsoComeAsAFormUpload() throws Exception {
        String nik = nik(1987, true);
        MockMultipartFile file = new MockMultipartFile("file", "penduduk.csv", "text/csv",
                (HEADER + row(nik, "Sri Mulyani", TestResidents.kkNumber(), "1987-03-12", "P", "ANAK"))
                        .getBytes(StandardCharsets.UTF_8));

        mvc.perform(multipart("/api/v1/registry/{village}/imports", VILLAGE).file(file)
                        .header("X-DesaFlow-Groups", ADMIN_OF_VILLAGE))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.created").value(1));
        assertThat(registry.findByNik(nik)).isPresent();
    }

    @Test
    void bytesThatAreNotUtf8RefuseTheirRowAndAnAnnouncedCharsetIsHonoured() throws Exception {
        String bad = nik(1971, true);
        String good = nik(1972, true);
        String rows = HEADER + row(bad, "Sukin\u00e9", TestResidents.kkNumber(), "1971-03-12", "P", "ISTRI");
        importCsv(rows.getBytes(StandardCharsets.ISO_8859_1), "text/csv")
                .andExpect(jsonPath("$.refused").value(1))
                .andExpect(jsonPath("$.problems[0].reason").value(org.hamcrest.Matchers.containsString("UTF-8")));

        importCsv((HEADER + row(good, "Sukin\u00e9", TestResidents.kkNumber(), "1972-03-12", "P", "ISTRI"))
                .getBytes(StandardCharsets.ISO_8859_1), "text/csv;charset=ISO-8859-1")
                .andExpect(jsonPath("$.created").value(1));
        assertThat(registry.findByNik(good).orElseThrow().name()).isEqualTo("Sukin\u00e9");
    }
}
