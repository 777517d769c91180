package id.desaflow.intake.catalogue;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.Objects;

/**
 * A document a letter type asks for (KTP, KK, surat pengantar RT/RW, ...). {@code kind} is also the multipart part
 * name of the upload and the {@code AttachmentRef.kind} in events. Files are checked by content, so
 * {@code contentTypes} lists what the bytes must be, whatever the file is called.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A document a letter type asks for")
public record AttachmentSpec(String kind, String label, String labelEn, boolean required, Long maxBytes,
        List<String> contentTypes, String help) {

    /** The upper limit of any attachment: phones' photos scaled down and scanned pages fit, whole albums do not. */
    public static final long MAX_BYTES = 2L * 1024 * 1024;
    public static final List<String> CONTENT_TYPES = List.of("image/jpeg", "image/png", "application/pdf");

    public AttachmentSpec {
        Objects.requireNonNull(kind, "attachment kind");
        // the event schema's pattern; "request" is the part that carries the JSON
        if (!kind.matches("[a-z0-9-]{2,40}") || kind.equals("request")) {
            throw new IllegalArgumentException("Attachment kind must match [a-z0-9-]{2,40}: " + kind);
        }
        Objects.requireNonNull(label, "attachment label of " + kind);
        labelEn = labelEn == null ? label : labelEn;
        maxBytes = maxBytes == null ? MAX_BYTES : maxBytes;
        if (maxBytes < 1 || maxBytes > MAX_BYTES) {
            throw new IllegalArgumentException("maxBytes of " + kind + " must be 1.." + MAX_BYTES);
        }
        contentTypes = contentTypes == null || contentTypes.isEmpty() ? CONTENT_TYPES : List.copyOf(contentTypes);
        if (!CONTENT_TYPES.containsAll(contentTypes)) {
            throw new IllegalArgumentException("Attachment " + kind + " may only ask for " + CONTENT_TYPES);
        }
    }

    public boolean accepts(String contentType) {
        return contentTypes.contains(contentType);
    }

    /** "JPG, PNG atau PDF": the accepted formats as a resident names them. */
    public String formats() {
        List<String> names = contentTypes.stream().map(t -> switch (t) {
            case "image/jpeg" -> "JPG";
            case "image/png" -> "PNG";
            default -> "PDF";
        }).toList();
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " atau " + names.get(names.size() - 1);
    }
}
