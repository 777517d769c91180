package id.desaflow.approval.letter;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.pdf.draw.LineSeparator;
import org.springframework.stereotype.Component;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The signed letter as an A4 PDF: village letterhead, title and number, the type's wording with the resident's
 * data, the signature block, and a QR code to the public page that confirms the letter (or shows it revoked).
 * Rendered from the register's frozen entry (its text included), so the same letter always prints the same.
 */
@Component
class LetterPdf {
    private static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", INDONESIAN);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
    private static final Font HEAD = new Font(Font.HELVETICA, 12, Font.BOLD);
    private static final Font VILLAGE = new Font(Font.HELVETICA, 16, Font.BOLD);
    private static final Font SMALL = new Font(Font.HELVETICA, 9);
    private static final Font TEXT = new Font(Font.HELVETICA, 11);
    private static final Font BOLD = new Font(Font.HELVETICA, 11, Font.BOLD);
    private static final Font TITLE = new Font(Font.HELVETICA, 13, Font.BOLD | Font.UNDERLINE);
    private static final Font REVOKED = new Font(Font.HELVETICA, 14, Font.BOLD, new Color(0xB0, 0x00, 0x20));

    private final LetterSettings settings;
    private final LetterCatalogue catalogue;

    LetterPdf(LetterSettings settings, LetterCatalogue catalogue) {
        this.settings = settings;
        this.catalogue = catalogue;
    }

    byte[] render(IssuedLetter letter) {
        LetterSettings.VillageSettings village = settings.village(letter.villageCode());
        LetterCatalogue.Type type = catalogue.of(letter);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 60, 60, 40, 50);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(type.title() + " " + letter.letterNumber());
            document.addCreator("DesaFlow");
            document.open();
            letterhead(document, village);
            if (letter.revoked()) {
                document.add(centered("DICABUT pada " + DATE.format(date(letter.revokedAt())) + ": "
                        + letter.revocationReason(), REVOKED));
            }
            document.add(centered(type.title(), TITLE));
            document.add(centered("Nomor: " + letter.letterNumber(), TEXT));
            Map<String, String> values = values(letter, village);
            document.add(paragraph(fill(type.opening(), values), 14));
            document.add(rows(letter, type));
            document.add(paragraph(fill(type.statement(), values), 10));
            Paragraph closing = paragraph(type.closing(), 10);
            closing.setAlignment(Element.ALIGN_LEFT); // a short last paragraph justified looks stretched
            document.add(closing);
            signature(document, letter, village);
            qr(document, letter);
            document.close();
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("Surat " + letter.letterNumber() + " tidak dapat dibuat", e);
        }
        return out.toByteArray();
    }

    private static void letterhead(Document document, LetterSettings.VillageSettings village)
            throws DocumentException {
        document.add(centered("PEMERINTAH " + upper(village.kabupaten()), HEAD));
        document.add(centered("KECAMATAN " + upper(village.kecamatan()), HEAD));
        document.add(centered("DESA " + upper(village.villageName()), VILLAGE));
        if (village.address() != null && !village.address().isBlank()) {
            document.add(centered(village.address(), SMALL));
        }
        LineSeparator line = new LineSeparator(1.5f, 100, Color.BLACK, Element.ALIGN_CENTER, -4);
        document.add(new Chunk(line));
        document.add(new Paragraph(" ", SMALL));
    }

    private static PdfPTable rows(IssuedLetter letter, LetterCatalogue.Type type) throws DocumentException {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("Nama", letter.applicantName());
        rows.put("NIK", letter.applicantNik());
        if (letter.dusun() != null && !letter.dusun().isBlank()) {
            rows.put("Dusun", letter.dusun());
        }
        type.fieldLabels().forEach((field, label) -> {
            String value = letter.data().get(field);
            if (value != null && !value.isBlank()) {
                rows.put(label, value);
            }
        });
        PdfPTable table = new PdfPTable(new float[] {34, 3, 63});
        table.setWidthPercentage(92);
        table.setSpacingBefore(6);
        rows.forEach((label, value) -> {
            table.addCell(cell(label, TEXT));
            table.addCell(cell(":", TEXT));
            table.addCell(cell(value, TEXT));
        });
        return table;
    }

    private void signature(Document document, IssuedLetter letter, LetterSettings.VillageSettings village)
            throws DocumentException {
        PdfPTable block = new PdfPTable(new float[] {50, 50});
        block.setWidthPercentage(100);
        block.setSpacingBefore(18);
        block.addCell(cell("", TEXT));
        PdfPCell signer = new PdfPCell();
        signer.setBorder(Rectangle.NO_BORDER);
        signer.addElement(new Paragraph(village.villageName() + ", " + DATE.format(date(letter.issuedAt())), TEXT));
        letter.signerPosition().lines().forEach(l -> signer.addElement(new Paragraph(l, TEXT)));
        signer.addElement(new Paragraph("\n\n\n", TEXT));
        signer.addElement(new Paragraph(letter.signerName() == null ? "(.................................)"
                : letter.signerName(), new Font(Font.HELVETICA, 11, Font.BOLD | Font.UNDERLINE)));
        block.addCell(signer);
        document.add(block);
    }

    private void qr(Document document, IssuedLetter letter) throws DocumentException, IOException {
        String url = settings.verificationUrl(letter.verificationCode());
        Image code = Image.getInstance(qrPng(url));
        code.scaleAbsolute(90, 90);
        PdfPTable table = new PdfPTable(new float[] {20, 80});
        table.setWidthPercentage(100);
        table.setSpacingBefore(24);
        PdfPCell image = new PdfPCell(code, false);
        image.setBorder(Rectangle.NO_BORDER);
        table.addCell(image);
        PdfPCell caption = cell("Pindai kode QR atau buka " + url + " untuk memeriksa keaslian surat ini. Kode "
                + "verifikasi: " + letter.verificationCode(), SMALL);
        caption.setVerticalAlignment(Element.ALIGN_MIDDLE);
        table.addCell(caption);
        document.add(table);
    }

    /** Black modules on white with a quiet zone; error correction M survives a crease or a stamp. */
    static byte[] qrPng(String content) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 300, 300,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
            BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
            for (int x = 0; x < matrix.getWidth(); x++) {
                for (int y = 0; y < matrix.getHeight(); y++) {
                    image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
                }
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return png.toByteArray();
        } catch (WriterException e) {
            throw new IllegalStateException("QR code for " + content, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, String> values(IssuedLetter letter, LetterSettings.VillageSettings village) {
        Map<String, String> values = new LinkedHashMap<>(letter.data());
        values.put("nama", letter.applicantName());
        values.put("desa", village.villageName());
        values.put("kecamatan", nullToDash(village.kecamatan()));
        values.put("kabupaten", nullToDash(village.kabupaten()));
        values.put("jabatan", letter.signerPosition().lines().reduce((a, b) -> b + " (" + a + ")").orElse(""));
        return values;
    }

    /** A field the resident left empty prints as "-", never as a raw placeholder. */
    static String fill(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null || value.isBlank() ? "-" : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private LocalDate date(java.time.Instant at) {
        return LocalDate.ofInstant(at, settings.letters().zone());
    }

    private static Paragraph centered(String text, Font font) {
        Paragraph p = new Paragraph(text, font);
        p.setAlignment(Element.ALIGN_CENTER);
        return p;
    }

    private static Paragraph paragraph(String text, float before) {
        Paragraph p = new Paragraph(text, TEXT);
        p.setAlignment(Element.ALIGN_JUSTIFIED);
        p.setSpacingBefore(before);
        p.setLeading(16);
        return p;
    }

    private static PdfPCell cell(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPaddingBottom(3);
        return cell;
    }

    private static String upper(String s) {
        return s == null ? "" : s.toUpperCase(INDONESIAN);
    }

    private static String nullToDash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }
}
