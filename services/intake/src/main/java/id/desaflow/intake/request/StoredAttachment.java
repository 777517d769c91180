package id.desaflow.intake.request;

import id.desaflow.contracts.events.AttachmentRef;

import java.time.Instant;

/** A file attached to a request, as the request remembers it (the bytes are in the attachment store). */
record StoredAttachment(String id, String kind, String contentType, long sizeBytes, String sha256,
        Instant uploadedAt, String uploadedBy) {

    AttachmentRef ref() {
        return new AttachmentRef(id, kind, contentType, sizeBytes, sha256);
    }
}
