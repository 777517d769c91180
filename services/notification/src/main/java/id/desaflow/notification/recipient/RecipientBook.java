package id.desaflow.notification.recipient;

import id.desaflow.notification.Pseudonyms;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import java.time.Clock;

/** Remembers applicants' contacts from the events that carry them and hands them to whoever writes a message. */
@Service
public class RecipientBook {
    private final Recipients recipients;
    private final Pseudonyms pseudonyms;
    private final Clock clock;

    RecipientBook(Recipients recipients, Pseudonyms pseudonyms, Clock clock) {
        this.recipients = recipients;
        this.pseudonyms = pseudonyms;
        this.clock = clock;
    }

    public void remember(Contacts contacts) {
        Recipient recipient = recipients.findById(contacts.requestId())
                .orElseGet(() -> new Recipient(contacts.requestId()));
        if (recipient.update(contacts, pseudonyms.residentKey(contacts.nik()), clock.instant())) {
            try {
                recipients.save(recipient);
            } catch (DuplicateKeyException | OptimisticLockingFailureException e) {
                // another topic's consumer stored the same request meanwhile: let the error handler retry on
                // fresh state
                throw new ConcurrentRecipientUpdateException(contacts.requestId(), e);
            }
        }
    }

    /**
     * @throws RecipientNotYetKnownException when no event with the applicant has been processed yet; events of
     *         other topics may overtake the submission, so the caller's retry will usually find it
     */
    public Recipient require(String requestId) {
        return recipients.findById(requestId).orElseThrow(() -> new RecipientNotYetKnownException(requestId));
    }

    /** Retried like any transient fault. */
    static class ConcurrentRecipientUpdateException extends RuntimeException {
        ConcurrentRecipientUpdateException(String requestId, Throwable cause) {
            super("Contacts of request " + requestId + " changed concurrently", cause);
        }
    }
}
