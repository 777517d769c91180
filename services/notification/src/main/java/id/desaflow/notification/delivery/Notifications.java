package id.desaflow.notification.delivery;

import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.Query;
import org.springframework.data.mongodb.repository.Update;

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

    /**
     * The fallback of a final failure is planned (or there is none). An update of that one field, not a save: the
     * outbox relay may have published and removed the failure's event since the failure was saved, and saving the
     * whole document again would put the event back. Only at the version the follow-up saw (a resend and a new
     * failure meanwhile keep their own follow-up); the version moves on so a stale copy cannot set it again.
     * @return 1, or 0 when the message changed meanwhile
     */
    @Query("{ '_id' : ?0, 'version' : ?1 }")
    @Update("{ '$unset' : { 'followUpPending' : 1 }, '$inc' : { 'version' : 1 } }")
    long followedUp(String id, Long version);

    /** Every message one event caused for one person, on any channel. */
    List<Notification> findByCausedByAndRecipientKey(String causedBy, String recipientKey);

    Optional<Notification> findFirstByProviderReference(String providerReference);
}
