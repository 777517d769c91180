package id.desaflow.approval.letter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The letter as a person sees it: rendered to PDF, turned into an image with poppler's pdftoppm (CI installs
 * poppler-utils), its text read with pdftotext, its QR code decoded from the image.
 */
class LetterPdfTest {
    private static final String BEJI = "3309012004";
    private static final LetterCatalogue CATALOGUE = new LetterCatalogue(new ObjectMapper());
    private static final LetterSettings SETTINGS = new LetterSettings(Map.of(), Map.of(BEJI,
            new LetterSettings.VillageSettings("Sutrisno", "Kepala Desa Beji", "Beji", "Andong",
                    "Kabupaten Boyolali", "Jawa Tengah", "Jl. Raya Andong–Beji No. 1", "Sri Lestari", null)),
            new LetterSettings.Letters(ZoneId.of("Asia/Jakarta"), LetterSettings.SequenceScope.VILLAGE),
            "https://beji.desaflow.id/");
    private static final LetterPdf PDF = new LetterPdf(SETTINGS, CATALOGUE);

    @TempDir
    Path dir;

    @BeforeAll
    static void popplerInstalled() {
        PdfText.assumeInstalled();
    }

    static Stream<String> letterTypes() {
        return Stream.of("surat-keterangan-usaha", "surat-keterangan-domisili", "surat-keterangan-tidak-mampu",
                "surat-pengantar-ktp", "surat-pengantar-kk", "surat-pengantar-skck", "surat-keterangan-pindah",
                "surat-keterangan-kelahiran", "surat-keterangan-kematian", "surat-keterangan-belum-menikah",
                "surat-keterangan-penghasilan", "surat-izin-keramaian", "surat-keterangan-ahli-waris",
                "surat-keterangan-beda-nama");
    }

    @ParameterizedTest
    @MethodSource("letterTypes")
    void everyLetterTypePrintsItsTitleNumberResidentDataAndSigner(String type) throws Exception {
        LetterCatalogue.Type catalogueType = CATALOGUE.require(type);
        Map<String, String> data = new LinkedHashMap<>();
        catalogueType.fieldLabels().keySet().forEach(field -> data.put(field, "isi-" + field));
        IssuedLetter letter = letter(type, data, false);

        String text = text(PDF.render(letter));

        assertThat(text).contains("PEMERINTAH KABUPATEN BOYOLALI", "KECAMATAN ANDONG", "DESA BEJI",
                catalogueType.title(), "Nomor: " + letter.letterNumber(), "Sri Wahyuni", "3309016108790002",
                "Kepala Desa Beji", "Sutrisno", "Beji, 23 November 2026");
        // every field the statement names is filled in: no raw {placeholder} reaches paper
        assertThat(text).doesNotContain("{").doesNotContain("}");
        String first = catalogueType.fieldLabels().keySet().iterator().next();
        assertThat(text).contains("isi-" + first);
    }

    @Test
    void theQrCodeOnThePageDecodesToThePublicVerificationPage() throws Exception {
        IssuedLetter letter = letter("surat-keterangan-usaha", Map.of("namaUsaha", "Warung Bu Sri"), false);
        Path pdf = Files.write(dir.resolve("surat.pdf"), PDF.render(letter));

        PdfText.run("/usr/bin/pdftoppm", "-png", "-r", "150", "-singlefile", pdf.toString(), dir.resolve("page").toString());
        // kept for a person to look at: target/letter-sample.png
        Files.copy(dir.resolve("page.png"), Path.of("target", "letter-sample.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        var image = ImageIO.read(dir.resolve("page.png").toFile());
        String decoded = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(image)))).getText();

        assertThat(decoded).isEqualTo("https://beji.desaflow.id/verifikasi/ABCDEFGH2345");
        assertThat(text(Files.readAllBytes(pdf))).contains("ABCDEFGH2345");
    }

    @Test
    void aDelegatedSignatureSaysOnBehalfOfTheKepalaDesa() throws Exception {
        IssuedLetter letter = letter("surat-keterangan-domisili", Map.of(), true);
        String text = text(PDF.render(letter));
        assertThat(text).contains("a.n. Kepala Desa Beji", "Sekretaris Desa", "Sri Lestari")
                .doesNotContain("Sutrisno");
        // an empty field prints as "-", the sentence stays readable
        assertThat(text).contains("sejak tahun -");
    }

    @Test
    void aRevokedLetterSaysSoOnThePage() throws Exception {
        IssuedLetter letter = letter("surat-keterangan-usaha", Map.of(), false)
                .revoke("admin.beji", "Data usaha tidak benar", Instant.parse("2026-11-25T03:00:00Z"), "192.168.1.20");
        assertThat(text(PDF.render(letter))).contains("DICABUT pada 25 November 2026: Data usaha tidak benar");
    }

    private static IssuedLetter letter(String type, Map<String, String> data, boolean onBehalf) {
        return new IssuedLetter("r-1", "SKU-7K3M9Q", "500/007/" + BEJI + "/XI/2026", type, BEJI, "Beji",
                "Sri Wahyuni", "3309016108790002", data, onBehalf ? "Sri Lestari" : "Sutrisno",
                onBehalf ? "a.n. Kepala Desa Beji\nSekretaris Desa" : "Kepala Desa Beji", onBehalf,
                Instant.parse("2026-11-23T02:00:00Z"), "ABCDEFGH2345", null, null, null, null, null, null);
    }

    private static String text(byte[] pdf) throws Exception {
        return PdfText.of(pdf);
    }
}
