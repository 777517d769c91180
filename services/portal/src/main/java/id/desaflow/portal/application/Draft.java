package id.desaflow.portal.application;

import id.desaflow.portal.catalogue.FileSizes;

import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A letter request being filled in, kept between the form, the review and the submission so that the documents
 * need not be chosen again after a mistake. {@code key} is the form's idempotency key: generated when the form was
 * first shown, sent to intake as {@code Idempotency-Key}, so a double tap or a resent form is one request.
 * {@code values} are keyed by the API's field paths ({@code applicant.nik}, {@code data.namaUsaha}).
 */
public record Draft(String key, String letterType, Map<String, String> values, Map<String, File> files,
        Set<String> onPaper, String trackingCode) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    public Draft {
        values = new LinkedHashMap<>(values);
        files = new LinkedHashMap<>(files);
        onPaper = new LinkedHashSet<>(onPaper);
    }

    public static Draft empty(String key, String letterType, Map<String, String> values) {
        return new Draft(key, letterType, values, Map.of(), Set.of(), null);
    }

    public String value(String name) {
        return values.getOrDefault(name, "");
    }

    public boolean submitted() {
        return trackingCode != null;
    }

    Draft submittedAs(String code) {
        return new Draft(key, letterType, values, files, onPaper, code);
    }

    /** A document chosen on the form; bytes kept as uploaded, intake judges them by content. */
    public record File(String kind, String filename, String contentType, byte[] bytes) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        public long size() {
            return bytes.length;
        }

        public String sizeText() {
            return FileSizes.text(bytes.length);
        }
    }
}
