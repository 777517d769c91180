package id.desaflow.intake.request;

import id.desaflow.intake.attachment.AttachmentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Removes files stored for a submission or revision that was never saved (the service stopped between storing the
 * files and saving the request, or the clean-up after a failed save failed too). A file is only judged after a grace
 * period, so a submission in progress is never touched; a file its request names is kept and confirmed.
 */
@Component
class AttachmentOrphans {
    private static final Logger log = LoggerFactory.getLogger(AttachmentOrphans.class);

    private final AttachmentStore store;
    private final LetterRequests requests;
    private final Duration grace;

    AttachmentOrphans(AttachmentStore store, LetterRequests requests,
            @Value("${desaflow.attachments.orphan-grace:PT1H}") Duration grace) {
        this.store = store;
        this.requests = requests;
        this.grace = grace;
    }

    @Scheduled(fixedDelayString = "${desaflow.attachments.orphan-sweep-interval:PT15M}", initialDelayString = "PT1M")
    void sweep() {
        sweep(Instant.now().minus(grace));
    }

    /** @return how many orphans were deleted */
    int sweep(Instant uploadedBefore) {
        int deleted = 0;
        for (AttachmentStore.StoredFile file : store.pendingBefore(uploadedBefore)) {
            boolean named = requests.findById(file.requestId()).flatMap(r -> r.attachment(file.id())).isPresent();
            if (named) {
                store.confirm(List.of(file.id()));
            } else {
                store.delete(List.of(file.id()));
                deleted++;
            }
        }
        if (deleted > 0) {
            log.info("Deleted {} orphaned attachment(s) uploaded before {}", deleted, uploadedBefore);
        }
        return deleted;
    }
}
