package id.desaflow.portal.web;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The inline SVG is a real QR code: drawn back into pixels, a reader finds the tracking page's address. */
class QrCodesTest {
    private final QrCodes qr = new QrCodes("https://beji.desaflow.id/");

    @Test
    void theSvgDecodesToTheAbsoluteTrackingAddress() throws Exception {
        String svg = qr.trackingSvg("SKU-7K3P9Q", "Kode QR <lacak>");

        assertThat(svg).startsWith("<svg").contains("role=\"img\"").contains("aria-label=\"Kode QR &lt;lacak&gt;\"");
        assertThat(decode(svg)).isEqualTo("https://beji.desaflow.id/lacak/SKU-7K3P9Q");
        assertThat(svg.length()).isLessThan(12 * 1024);
    }

    @Test
    void linksAreEncodedPaths() {
        assertThat(qr.link("/lacak/{code}", "SKU 1/2")).isEqualTo("https://beji.desaflow.id/lacak/SKU%201%2F2");
    }

    /** Paints the path's unit squares 4 px each and reads them with ZXing's decoder. */
    private static String decode(String svg) throws Exception {
        Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) \\d+\"").matcher(svg);
        assertThat(box.find()).isTrue();
        int size = Integer.parseInt(box.group(1));
        int scale = 4;
        int[] pixels = new int[size * scale * size * scale];
        java.util.Arrays.fill(pixels, 0xFFFFFF);
        Matcher run = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\d+z").matcher(svg);
        while (run.find()) {
            int x0 = Integer.parseInt(run.group(1));
            int y = Integer.parseInt(run.group(2));
            int length = Integer.parseInt(run.group(3));
            for (int x = x0; x < x0 + length; x++) {
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        pixels[(y * scale + dy) * size * scale + x * scale + dx] = 0;
                    }
                }
            }
        }
        var source = new RGBLuminanceSource(size * scale, size * scale, pixels);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
    }
}
