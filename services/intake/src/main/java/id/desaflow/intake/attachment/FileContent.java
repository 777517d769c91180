package id.desaflow.intake.attachment;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What an uploaded file really is, judged by its bytes, never by its name or the type the browser claims: a whole
 * JPEG, PNG or PDF, or nothing acceptable. Refuses what could turn into a page in someone's browser or a program on
 * an official's computer: HTML/SVG/script markup anywhere in the file (polyglots), truncated images, PDFs with
 * scripts, launch actions or embedded files, and archives hidden behind a JPEG. Best effort by design: files are also
 * served as downloads with nosniff, so a file that slips through is still never rendered inline.
 */
public final class FileContent {
    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";
    public static final String PDF = "application/pdf";

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] PNG_IEND = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};
    private static final byte[] ZIP_ENTRY = {'P', 'K', 3, 4};
    private static final List<byte[]> MARKUP = ascii("<script", "<html", "<svg", "<!doctype", "<iframe", "<body",
            "<?php", "<object", "<embed", "<form", "javascript:");
    /** PDF names that run something: scripts, launching programs, attached files, rich media, XFA forms. */
    private static final List<byte[]> PDF_ACTIVE = ascii("/javascript", "/js", "/launch", "/embeddedfile",
            "/richmedia", "/xfa");

    /** The content type the bytes are, or the Indonesian phrase (after the attachment's label) saying why none. */
    public record Verdict(String contentType, String problem) {
        public boolean accepted() {
            return contentType != null;
        }
    }

    public static Verdict judge(byte[] bytes) {
        if (bytes.length == 0) {
            return refused("kosong");
        }
        String type = startsWith(bytes, 0, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}) ? JPEG
                : startsWith(bytes, 0, PNG_SIGNATURE) ? PNG
                : startsWith(bytes, 0, ascii("%PDF-").get(0)) ? PDF : null;
        if (type == null) {
            return refused("harus berupa berkas JPG, PNG atau PDF (diperiksa dari isinya, bukan nama berkas)");
        }
        if (containsAny(bytes, 0, bytes.length, MARKUP, false)) {
            return refused("berisi kode halaman web atau skrip yang tidak diizinkan");
        }
        String structural = switch (type) {
            case JPEG -> jpeg(bytes);
            case PNG -> png(bytes);
            default -> pdf(bytes);
        };
        return structural == null ? new Verdict(type, null) : refused(structural);
    }

    private static String jpeg(byte[] bytes) {
        int end = lastIndexOf(bytes, new byte[] {(byte) 0xFF, (byte) 0xD9});
        if (end < 3) {
            return "bukan foto JPG yang utuh (terpotong)";
        }
        // phones may append their own trailers (motion photos); an archive there makes the file a polyglot
        return indexOf(bytes, ZIP_ENTRY, end) >= 0 ? "berisi arsip tersembunyi yang tidak diizinkan" : null;
    }

    private static String png(byte[] bytes) {
        boolean header = bytes.length >= 33 && startsWith(bytes, 12, ascii("IHDR").get(0));
        boolean whole = bytes.length >= 45 && startsWith(bytes, bytes.length - PNG_IEND.length, PNG_IEND);
        return header && whole ? null : "bukan gambar PNG yang utuh (terpotong atau berisi data tambahan)";
    }

    private static String pdf(byte[] bytes) {
        if (bytes.length < 8 || !(bytes[5] == '1' || bytes[5] == '2') || bytes[6] != '.') {
            return "bukan PDF yang valid";
        }
        if (!containsAny(bytes, Math.max(0, bytes.length - 1024), bytes.length, ascii("%%eof"), false)) {
            return "bukan PDF yang utuh (terpotong)";
        }
        return containsAny(bytes, 0, bytes.length, PDF_ACTIVE, true)
                ? "berisi skrip, tautan program atau berkas sisipan yang tidak diizinkan; cetak ulang sebagai PDF biasa"
                : null;
    }

    /**
     * Case-insensitive search for lower-case needles; {@code pdfName} requires a delimiter after the needle, so /JS
     * does not match /JSON.
     */
    private static boolean containsAny(byte[] bytes, int from, int to, List<byte[]> needles, boolean pdfName) {
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b != '<' && b != '/' && b != 'j' && b != 'J' && b != '%') {
                continue;
            }
            for (byte[] needle : needles) {
                int after = i + needle.length;
                if (after <= to && matchesIgnoringCase(bytes, i, needle)
                        && (!pdfName || after == to || isPdfDelimiter(bytes[after]))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isPdfDelimiter(byte b) {
        return b <= ' ' || "()<>[]{}/%".indexOf(b) >= 0;
    }

    private static boolean matchesIgnoringCase(byte[] bytes, int at, byte[] lowerNeedle) {
        for (int k = 0; k < lowerNeedle.length; k++) {
            byte b = bytes[at + k];
            byte lower = b >= 'A' && b <= 'Z' ? (byte) (b + 32) : b;
            if (lower != lowerNeedle[k]) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] bytes, int at, byte[] prefix) {
        if (at < 0 || bytes.length < at + prefix.length) {
            return false;
        }
        for (int k = 0; k < prefix.length; k++) {
            if (bytes[at + k] != prefix[k]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] bytes, byte[] needle, int from) {
        for (int i = from; i <= bytes.length - needle.length; i++) {
            if (startsWith(bytes, i, needle)) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(byte[] bytes, byte[] needle) {
        for (int i = bytes.length - needle.length; i >= 0; i--) {
            if (startsWith(bytes, i, needle)) {
                return i;
            }
        }
        return -1;
    }

    private static Verdict refused(String problem) {
        return new Verdict(null, problem);
    }

    private static List<byte[]> ascii(String... needles) {
        return java.util.Arrays.stream(needles).map(n -> n.getBytes(StandardCharsets.US_ASCII)).toList();
    }

    private FileContent() {
    }
}
