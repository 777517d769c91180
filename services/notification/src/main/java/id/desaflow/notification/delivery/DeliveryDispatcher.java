package id.desaflow.notification.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * Sends due notifications. Each is claimed with a versioned save before sending, so when several replicas poll
 * the same collection only one of them sends a given message; a claim left behind by a crash expires after the
 * policy's lease and the message is tried again (at-least-once, like every other effect here).
 */
@Component
class DeliveryDispatcher {
    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);
    private static final Set<NotificationStatus> CANDIDATES = EnumSet.of(NotificationStatus.PENDING,
            NotificationStatus.TEMPORARY_FAILURE, NotificationStatus.SENDING);

    private final Notifications notifications;
    private final MailGateway gateway;
    private final DeliveryPolicy policy;
    private final Clock clock;
    private final MeterRegistry meters;

    DeliveryDispatcher(Notifications notifications, MailGateway gateway, DeliveryPolicy policy, Clock clock,
            MeterRegistry meters) {
        this.notifications = notifications;
        this.gateway = gateway;
        this.policy = policy;
        this.clock = clock;
        this.meters = meters;
    }

    @Scheduled(fixedDelayString = "${desaflow.notification.dispatch-interval:500ms}")
    void dispatchDue() {
        if (!gateway.isAvailable()) {
            return; // circuit open: leave the messages unclaimed for when the server is back
        }
        var due = notifications.findByStatusInAndNextAttemptAtLessThanEqualOrderByNextAttemptAtAsc(CANDIDATES,
                clock.instant(), PageRequest.of(0, policy.batchSize()));
        for (Notification notification : due) {
            dispatch(notification);
        }
    }

    private void dispatch(Notification notification) {
        Instant now = clock.instant();
        if (!notification.isDue(now)) {
            return;
        }
        notification.startAttempt(now, policy);
        try {
            notifications.save(notification);
        } catch (OptimisticLockingFailureException e) {
            log.debug("Notification {} was claimed by another dispatcher", notification.id());
            return;
        }
        DeliveryOutcome outcome = gateway.send(notification);
        Instant done = clock.instant();
        if (outcome instanceof DeliveryOutcome.Delivered) {
            notification.delivered(done);
            log.info("Notification {} about {} delivered to {}", notification.id(), notification.about(),
                    notification.maskedRecipient());
        } else if (outcome instanceof DeliveryOutcome.TemporaryFailure failure) {
            notification.failedTemporarily(failure.reason(), done, policy);
            log.warn("Notification {} to {} failed (attempt {}): {}; now {}", notification.id(),
                    notification.maskedRecipient(), notification.attempts(), notification.lastError(),
                    notification.status());
        } else if (outcome instanceof DeliveryOutcome.PermanentFailure failure) {
            notification.failedPermanently(failure.reason(), done);
            log.warn("Notification {} to {} refused permanently: {}", notification.id(),
                    notification.maskedRecipient(), notification.lastError());
        } else if (outcome instanceof DeliveryOutcome.NotAttempted notAttempted) {
            notification.notAttempted(notAttempted.retryAt(), done);
        }
        notifications.save(notification);
        meters.counter("desaflow.notification.attempts", "channel", notification.channel().name(),
                "outcome", outcome.getClass().getSimpleName()).increment();
    }
}
