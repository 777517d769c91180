package id.desaflow.notification.inbox;

import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

import java.util.List;

/** The portal inboxes of residents and officials. */
interface InboxItems extends MongoRepository<InboxItem, String> {

    List<InboxItem> findByRecipientKeyOrderByAtDesc(String recipientKey, Pageable page);
}
