package id.desaflow.contracts.events;

/**
 * A file the resident attached (stored by intake; consumers fetch nothing, they only need to know it is there).
 * {@code kind} is the catalogue's attachment code, e.g. {@code ktp}, {@code kk}, {@code pengantar-rt}.
 */
public record AttachmentRef(String id, String kind, String contentType, long sizeBytes, String sha256) {
}
