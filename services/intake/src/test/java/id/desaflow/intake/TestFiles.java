package id.desaflow.intake;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

/** Real, small JPEG/PNG/PDF files for uploads, made fresh (no binary fixtures in git). */
public final class TestFiles {

    public static byte[] png() {
        return image("png", 4);
    }

    public static byte[] jpeg() {
        return image("jpg", 8);
    }

    public static byte[] pdf() {
        return """
                %PDF-1.4
                1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj
                2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj
                3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>> endobj
                trailer <</Root 1 0 R>>
                %%EOF
                """.getBytes(StandardCharsets.US_ASCII);
    }

    /** A valid PNG of about {@code size} bytes: a private ancillary chunk pads it, IEND still ends it. */
    public static byte[] pngOfSize(int size) {
        byte[] png = png();
        int padding = Math.max(0, size - png.length - 12);
        byte[] type = "prVt".getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(type);
        crc.update(new byte[padding]);
        ByteBuffer chunk = ByteBuffer.allocate(12 + padding).putInt(padding).put(type).put(new byte[padding])
                .putInt((int) crc.getValue());
        int iend = png.length - 12;
        return ByteBuffer.allocate(png.length + chunk.capacity()).put(Arrays.copyOf(png, iend)).put(chunk.array())
                .put(png, iend, 12).array();
    }

    private static byte[] image(String format, int side) {
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0xC0FFEE);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TestFiles() {
    }
}
