package id.desaflow.portal.web;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.Map;

/**
 * QR codes drawn on the server as inline SVG (used as {@code @qr} in templates): no image request, no script, a few
 * KB, sharp when printed on the counter's receipt. Links are absolute so a phone's camera can open them.
 */
@Component("qr")
public class QrCodes {
    private final String publicBaseUrl;

    QrCodes(@Value("${desaflow.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
    }

    /** The public address of a portal path, e.g. {@code /lacak/SKU-7K3P9Q}. */
    public String link(String path, Object... variables) {
        return publicBaseUrl + UriComponentsBuilder.fromPath(path).encode().buildAndExpand(variables).toUriString();
    }

    /** An SVG QR code of the tracking page of {@code trackingCode}, labelled for screen readers. */
    public String trackingSvg(String trackingCode, String label) {
        return svg(link("/lacak/{code}", trackingCode), label);
    }

    /**
     * One path of unit squares (one "M x y h1v1h-1z" per dark module, merged per row run): the smallest plain SVG
     * that every browser and printer renders crisply.
     */
    public String svg(String text, String label) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException tooLong) {
            throw new IllegalArgumentException("Text does not fit in a QR code: " + text.length() + " chars", tooLong);
        }
        int size = matrix.getWidth();
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < size; x++) {
                if (matrix.get(x, y)) {
                    int run = 1;
                    while (x + run < size && matrix.get(x + run, y)) {
                        run++;
                    }
                    path.append('M').append(x).append(' ').append(y).append('h').append(run).append("v1h-")
                            .append(run).append('z');
                    x += run - 1;
                }
            }
        }
        String title = HtmlUtils.htmlEscape(label);
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" role=\"img\" aria-label=\"" + title
                + "\" viewBox=\"0 0 " + size + " " + size + "\" shape-rendering=\"crispEdges\"><title>" + title
                + "</title><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path
                + "\"/></svg>";
    }
}
