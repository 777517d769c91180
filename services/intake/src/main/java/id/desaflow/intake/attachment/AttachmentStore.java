package id.desaflow.intake.attachment;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Attachment bytes in MongoDB GridFS (bucket {@code attachments}), so every intake replica reads what any other one
 * stored and a restart loses nothing. Files are stored BEFORE the request that names them and start PENDING; once the
 * request is saved they are CONFIRMED. A PENDING file older than a grace period whose request never appeared is an
 * orphan (a failed or interrupted submission) and is swept.
 */
@Component
public class AttachmentStore {
    static final String BUCKET = "attachments";
    private static final String PENDING = "PENDING";
    private static final String CONFIRMED = "CONFIRMED";

    private final GridFSBucket bucket;
    private final MongoCollection<Document> files;

    AttachmentStore(MongoDatabaseFactory mongo) {
        this.bucket = GridFSBuckets.create(mongo.getMongoDatabase(), BUCKET);
        this.files = mongo.getMongoDatabase().getCollection(BUCKET + ".files");
    }

    /** A stored file's description (the bytes are read separately). */
    public record StoredFile(String id, String requestId, String kind, String contentType, long sizeBytes,
            String sha256, Instant uploadedAt) {
    }

    /** Stores one file for {@code requestId}; PENDING until {@link #confirm}. */
    public StoredFile store(String requestId, String kind, String contentType, byte[] bytes, String sha256) {
        Document metadata = new Document("requestId", requestId).append("kind", kind)
                .append("contentType", contentType).append("sha256", sha256).append("state", PENDING);
        ObjectId id = bucket.uploadFromStream(kind, new ByteArrayInputStream(bytes),
                new GridFSUploadOptions().metadata(metadata));
        return new StoredFile(id.toHexString(), requestId, kind, contentType, bytes.length, sha256, Instant.now());
    }

    /** The request naming these files is saved: they are no orphans. Best effort; the sweeper re-checks. */
    public void confirm(Collection<String> ids) {
        if (!ids.isEmpty()) {
            files.updateMany(Filters.in("_id", objectIds(ids)), Updates.set("metadata.state", CONFIRMED));
        }
    }

    public Optional<byte[]> read(String id) {
        if (!ObjectId.isValid(id)) {
            return Optional.empty();
        }
        ObjectId objectId = new ObjectId(id);
        if (bucket.find(Filters.eq("_id", objectId)).first() == null) {
            return Optional.empty();
        }
        try (var in = bucket.openDownloadStream(objectId)) {
            return Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void delete(Collection<String> ids) {
        objectIds(ids).forEach(bucket::delete);
    }

    /** PENDING files uploaded before {@code cutoff}: candidates for the orphan sweep. */
    public List<StoredFile> pendingBefore(Instant cutoff) {
        List<StoredFile> pending = new ArrayList<>();
        for (GridFSFile file : bucket.find(Filters.and(Filters.eq("metadata.state", PENDING),
                Filters.lt("uploadDate", Date.from(cutoff))))) {
            Document m = file.getMetadata();
            pending.add(new StoredFile(file.getObjectId().toHexString(), m.getString("requestId"),
                    m.getString("kind"), m.getString("contentType"), file.getLength(), m.getString("sha256"),
                    file.getUploadDate().toInstant()));
        }
        return pending;
    }

    private static List<ObjectId> objectIds(Collection<String> ids) {
        return ids.stream().filter(ObjectId::isValid).map(ObjectId::new).toList();
    }
}
