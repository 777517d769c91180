package id.desaflow.notification.delivery;

import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The notification log: every message, its delivery state and its pending events. */
public interface Notifications extends MongoRepository<Notification, String> {

    List<Notification> findByRequestIdOrderByCreatedAtAsc(String requestId);

    /** Candidates only: the claim itself is the versioned save in {@link Notification#startAttempt}. */
    List<Notification> findByChannelAndStatusInAndNextAttemptAtLessThanEqualOrderByNextAttemptAtAsc(
            Channel channel, Collection<NotificationStatus> statuses, Instant now, Pageable page);

    List<Notification> findByFollowUpPendingTrue(Pageable page);

    /** Every message one event caused for one person, on any channel. */
    List<Notification> findByCausedByAndRecipientKey(String causedBy, String recipientKey);

    Optional<Notification> findFirstByProviderReference(String providerReference);
}
