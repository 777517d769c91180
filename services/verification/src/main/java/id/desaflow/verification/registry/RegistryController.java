package id.desaflow.verification.registry;

import id.desaflow.platform.web.FieldProblem;
import id.desaflow.platform.web.InvalidInputException;
import id.desaflow.platform.web.PayloadTooLargeException;
import id.desaflow.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

@RestController
@RequestMapping("/api/v1/registry/{villageCode}")
@Tag(name = "Data kependudukan", description = "Penduduk dan Kartu Keluarga desa: impor CSV, pencarian, koreksi")
class RegistryController {
    static final String CSV_TYPES = "text/csv";
    private static final Pattern VILLAGE_CODE = Pattern.compile("[0-9]{10}");
    private static final Pattern DIGITS_16 = Pattern.compile("[0-9]{16}");

    private final RegistryAdmin admin;
    private final ResidentCsvImporter importer;
    private final RegistryImports imports;
    private final CurrentActor actor;
    private final DataSize importLimit;

    RegistryController(RegistryAdmin admin, ResidentCsvImporter importer, RegistryImports imports,
            CurrentActor actor, @Value("${desaflow.registry.import.max-size:64MB}") DataSize importLimit) {
        this.admin = admin;
        this.importer = importer;
        this.imports = imports;
        this.actor = actor;
        this.importLimit = importLimit;
    }

    // NIKs, KK numbers and names are personal data: they travel in POST bodies, never in a URL (URLs end up in access
    // logs, proxies and browser history), so even the look-ups below are POSTs.

    @PostMapping(path = "/residents/search", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Cari penduduk menurut NIK atau nama",
            description = "q: NIK lengkap (hasil tanpa samaran), awal NIK (4-15 digit) atau bagian nama; tanpa q "
                    + "semua penduduk desa. NIK dan nomor KK disamarkan kecuali NIK lengkap yang dicari. Urut nama; "
                    + "'page' mulai 0, 'size' 1-100 (bawaan 20).")
    List<ResidentSummary> search(@PathVariable String villageCode, @RequestBody ResidentSearch search) {
        List<FieldProblem> problems = new ArrayList<>(villageProblems(villageCode));
        problems.addAll(search.problems());
        reject(problems);
        actor.requireReader(villageCode);
        return admin.search(villageCode, search.q(), search.pageOrFirst(), search.sizeOrDefault());
    }

    @PostMapping(path = "/residents/lookup", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Data seorang penduduk (NIK di badan permintaan)")
    ResidentDetail resident(@PathVariable String villageCode, @RequestBody ResidentKey key) {
        checkKeys(villageCode, "nik", key.nik());
        actor.requireReader(villageCode);
        return ResidentDetail.of(admin.resident(villageCode, key.nik()));
    }

    @PostMapping(path = "/residents/corrections", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Koreksi data seorang penduduk",
            description = "nik menunjuk penduduknya; hanya isian lain yang dikirim yang diubah; setiap perubahan "
                    + "dicatat (siapa, kapan, alasan, sebelum dan sesudah). Pelaku dari token yang masuk.")
    ResidentDetail correct(@PathVariable String villageCode, @RequestBody ResidentCorrection correction) {
        checkKeys(villageCode, "nik", correction.nik());
        actor.requireKeeper(villageCode);
        return ResidentDetail.of(admin.correct(villageCode, correction.nik(), correction, actor.name()));
    }

    @PostMapping(path = "/residents/history", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Riwayat perubahan data seorang penduduk", description = "Terlama lebih dulu")
    List<RegistryChange> history(@PathVariable String villageCode, @RequestBody ResidentKey key) {
        checkKeys(villageCode, "nik", key.nik());
        actor.requireReader(villageCode);
        return admin.resident(villageCode, key.nik()).history();
    }

    @PostMapping(path = "/families/lookup", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Kartu Keluarga dan anggotanya (nomor KK di badan permintaan)")
    FamilyView family(@PathVariable String villageCode, @RequestBody FamilyKey key) {
        checkKeys(villageCode, "kkNumber", key.kkNumber());
        actor.requireReader(villageCode);
        return admin.family(villageCode, key.kkNumber());
    }

    @Schema(description = "Penduduk yang dimaksud")
    record ResidentKey(@Schema(example = "3309016108790002") String nik) {
    }

    @Schema(description = "Kartu Keluarga yang dimaksud")
    record FamilyKey(@Schema(example = "3309011504120001") String kkNumber) {
    }

    @Schema(description = "Pencarian penduduk")
    record ResidentSearch(@Schema(example = "wahyuni") String q, Integer page, Integer size) {
        List<FieldProblem> problems() {
            List<FieldProblem> problems = new ArrayList<>();
            if (q != null && q.length() > 100) {
                problems.add(new FieldProblem("q", "Paling banyak 100 karakter"));
            }
            if (page != null && page < 0) {
                problems.add(new FieldProblem("page", "Tidak boleh negatif"));
            }
            if (size != null && (size < 1 || size > 100)) {
                problems.add(new FieldProblem("size", "Antara 1 dan 100"));
            }
            return problems;
        }

        int pageOrFirst() {
            return page == null ? 0 : page;
        }

        int sizeOrDefault() {
            return size == null ? 20 : size;
        }
    }

    @PostMapping(path = "/imports", consumes = {CSV_TYPES, MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "Impor penduduk dari CSV (badan permintaan text/csv)",
            description = "Kolom dan nama kolom yang dikenali: README layanan verifikasi. Pemisah koma, titik koma "
                    + "atau tab; UTF-8 (boleh dengan BOM) kecuali charset lain disebut. Upsert menurut NIK; baris "
                    + "yang salah ditolak dengan nomor baris dan alasannya, baris lain tetap diimpor.")
    ResponseEntity<ImportReport> importCsv(@PathVariable String villageCode, HttpServletRequest request)
            throws IOException {
        reject(villageProblems(villageCode));
        actor.requireAdministrator(villageCode);
        if (request.getContentLengthLong() > importLimit.toBytes()) {
            throw new PayloadTooLargeException(importLimit.toBytes());
        }
        Charset charset = charset(request.getCharacterEncoding());
        return imported(villageCode, new InputStreamReader(new Limited(request.getInputStream(),
                importLimit.toBytes()), charset));
    }

    @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Impor penduduk dari berkas CSV (formulir multipart, bagian 'file')")
    ResponseEntity<ImportReport> importFile(@PathVariable String villageCode, @RequestPart("file") MultipartFile file)
            throws IOException {
        reject(villageProblems(villageCode));
        actor.requireAdministrator(villageCode);
        if (file.getSize() > importLimit.toBytes()) {
            throw new PayloadTooLargeException(importLimit.toBytes());
        }
        return imported(villageCode, new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8));
    }

    @GetMapping("/imports/{importId}")
    @Operation(summary = "Laporan sebuah impor")
    ImportReport importReport(@PathVariable String villageCode, @PathVariable String importId) {
        reject(villageProblems(villageCode));
        actor.requireAdministrator(villageCode);
        return imports.findById(importId).filter(i -> villageCode.equals(i.villageCode())).map(ImportReport::of)
                .orElseThrow(() -> ProblemException.notFound("Impor " + importId));
    }

    private ResponseEntity<ImportReport> imported(String villageCode, Reader csv) {
        try (csv) {
            ImportReport report = ImportReport.of(importer.importCsv(villageCode, csv, actor.name()));
            return ResponseEntity.created(URI.create("/api/v1/registry/" + villageCode + "/imports/" + report.id()))
                    .body(report);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A declared charset (a spreadsheet saved as windows-1252) is honoured; undeclared means UTF-8. */
    private static Charset charset(String declared) {
        if (declared == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(declared);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new InvalidInputException("Content-Type", "Charset " + declared + " tidak dikenal");
        }
    }

    private static List<FieldProblem> villageProblems(String villageCode) {
        return VILLAGE_CODE.matcher(villageCode).matches() ? List.of()
                : List.of(new FieldProblem("villageCode", "Kode desa harus 10 digit angka"));
    }

    private static void checkKeys(String villageCode, String name, String value) {
        List<FieldProblem> problems = new ArrayList<>(villageProblems(villageCode));
        if (value == null || !DIGITS_16.matcher(value).matches()) {
            problems.add(new FieldProblem(name, "Harus 16 digit angka"));
        }
        reject(problems);
    }

    private static void reject(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** Stops reading a streamed upload past the import limit (a body without Content-Length included). */
    private static final class Limited extends FilterInputStream {
        private final long limit;
        private long read;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw new PayloadTooLargeException(limit);
            }
        }
    }
}
