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
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Sends due messages, channel by channel. Each is claimed with a versioned save before sending (status SENDING,
 * attempt counted), so of several replicas polling the same collection only one sends a given message, and the
 * claim survives a crash.
 * <p>
 * A claim found unsettled after its lease means the service stopped mid-send: the provider may or may not have the
 * message. Sending again blindly could send it twice, so the gateway is asked first ({@link
 * ChannelGateway#resolveInDoubt}): SMS (Twilio) looks the message up by recipient and text and adopts its
 * reference; WhatsApp and e-mail cannot be asked, and are sent again under the same id (WhatsApp receipts carry
 * that id and normally settle the message long before the lease ends; mail clients collapse the same Message-ID);
 * in-app is idempotent by id. See the README for the trade-off.
 */
@Component
class DeliveryDispatcher {
    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);
    private static final Set<NotificationStatus> CANDIDATES = EnumSet.of(NotificationStatus.PENDING,
            NotificationStatus.TEMPORARY_FAILURE, NotificationStatus.SENDING);

    private final Notifications notifications;
    private final Gateways gateways;
    private final FinalFailureFollowUp followUp;
    private final DeliveryPolicy policy;
    private final Clock clock;
    private final MeterRegistry meters;

    DeliveryDispatcher(Notifications notifications, Gateways gateways, FinalFailureFollowUp followUp,
            DeliveryPolicy policy, Clock clock, MeterRegistry meters) {
        this.notifications = notifications;
        this.gateways = gateways;
        this.followUp = followUp;
        this.policy = policy;
        this.clock = clock;
        this.meters = meters;
    }

    @Scheduled(fixedDelayString = "${desaflow.notification.dispatch-interval:500ms}")
    void dispatchDue() {
        followUpFinalFailures();
        for (Channel channel : Channel.values()) {
            Optional<ChannelGateway> gateway = gateways.of(channel);
            if (gateway.isEmpty()) {
                failUnconfigured(channel);
            } else if (gateway.get().isAvailable()) {
                // circuit open: leave the messages unclaimed for when the provider is back
                for (Notification notification : due(channel)) {
                    if (!dispatch(gateway.get(), notification)) {
                        break; // rate limit or circuit: the rest of this channel waits for the next round
                    }
                }
            }
        }
    }

    /** @return false when the gateway sent nothing because of a limit, so the rest of its batch should wait */
    private boolean dispatch(ChannelGateway gateway, Notification notification) {
        Instant now = clock.instant();
        if (!notification.isDue(now)) {
            return true;
        }
        if (notification.isAwaitingReceipt()) {
            notification.receiptTimedOut(now);
            saveQuietly(notification);
            return true;
        }
        boolean inDoubt = notification.isInDoubt();
        notification.startAttempt(now, policy);
        try {
            notifications.save(notification);
        } catch (OptimisticLockingFailureException e) {
            log.debug("Notification {} was claimed by another dispatcher", notification.id());
            return true;
        }
        if (notification.isExpired(now)) {
            settle(notification, n -> n.expired(clock.instant()));
            log.info("Notification {} expired before it could be sent; not sent", notification.id());
            return true;
        }
        OutgoingMessage message = notification.outgoing();
        DeliveryOutcome outcome;
        if (inDoubt) {
            InDoubt known = gateway.resolveInDoubt(message);
            log.warn("Notification {} was in doubt after a stop mid-send; {} says {}", notification.id(),
                    gateway.provider(), known.getClass().getSimpleName());
            meters.counter("desaflow.notification.in-doubt", "channel", notification.channel().name(),
                    "resolution", known.getClass().getSimpleName()).increment();
            if (known instanceof InDoubt.Known k) {
                outcome = k.outcome();
            } else if (known instanceof InDoubt.AskLater later) {
                settle(notification, n -> n.stillInDoubt(later.retryAt(), clock.instant()));
                return false;
            } else {
                outcome = gateway.send(message);
            }
        } else {
            outcome = gateway.send(message);
        }
        settle(notification, n -> apply(n, gateway.provider(), outcome));
        meters.counter("desaflow.notification.attempts", "channel", notification.channel().name(),
                "provider", gateway.provider(), "outcome", outcome.getClass().getSimpleName()).increment();
        return !(outcome instanceof DeliveryOutcome.NotAttempted);
    }

    private void apply(Notification n, String provider, DeliveryOutcome outcome) {
        Instant done = clock.instant();
        if (outcome instanceof DeliveryOutcome.Accepted accepted) {
            n.accepted(provider, accepted.providerReference(), accepted.awaitingReceipt(), done, policy);
            log.info("Notification {} about {} {} to {} via {}", n.id(), n.about(),
                    n.status() == NotificationStatus.DELIVERED ? "delivered" : "accepted", n.maskedRecipient(),
                    provider);
        } else if (outcome instanceof DeliveryOutcome.TemporaryFailure failure) {
            n.failedTemporarily(failure.reason(), done, policy);
            log.warn("Notification {} to {} failed (attempt {}): {}; now {}", n.id(), n.maskedRecipient(),
                    n.attempts(), n.lastError(), n.status());
        } else if (outcome instanceof DeliveryOutcome.PermanentFailure failure) {
            n.failedPermanently(failure.reason(), done);
            log.warn("Notification {} to {} refused permanently: {}", n.id(), n.maskedRecipient(), n.lastError());
        } else if (outcome instanceof DeliveryOutcome.TechnicalFailure failure) {
            n.failedTechnically(failure.reason(), done);
            log.error("Notification {} via {} failed technically: {}", n.id(), provider, n.lastError());
        } else if (outcome instanceof DeliveryOutcome.NotAttempted notAttempted) {
            n.notAttempted(notAttempted.retryAt(), done);
        }
    }

    /**
     * Saves the attempt's outcome. A receipt may have settled the message meanwhile (a fast provider): then the
     * fresh state wins if it is no longer SENDING, else the outcome is applied to it.
     */
    private void settle(Notification notification, Consumer<Notification> change) {
        change.accept(notification);
        try {
            notifications.save(notification);
        } catch (OptimisticLockingFailureException e) {
            Optional<Notification> fresh = notifications.findById(notification.id());
            if (fresh.isEmpty() || fresh.get().status() != NotificationStatus.SENDING
                    || fresh.get().isAwaitingReceipt()) {
                log.debug("Notification {} was settled meanwhile (receipt)", notification.id());
                return;
            }
            change.accept(fresh.get());
            notifications.save(fresh.get());
            notification = fresh.get();
        }
        if (notification.followUpPending()) {
            followUp.run(notification);
        }
    }

    /** Final failures whose fallback was not planned yet (also after a crash right after the failure was saved). */
    private void followUpFinalFailures() {
        for (Notification failed : notifications.findByFollowUpPendingTrue(PageRequest.of(0, policy.batchSize()))) {
            followUp.run(failed);
        }
    }

    /** A channel whose provider was removed from the configuration after its messages were queued. */
    private void failUnconfigured(Channel channel) {
        for (Notification notification : due(channel)) {
            Instant now = clock.instant();
            if (notification.isAwaitingReceipt() || !notification.isDue(now)) {
                continue;
            }
            notification.startAttempt(now, policy);
            try {
                notifications.save(notification);
            } catch (OptimisticLockingFailureException e) {
                continue;
            }
            settle(notification, n -> n.failedTechnically("Kanal " + channel
                    + " tidak dikonfigurasi (tidak ada penyedia)", clock.instant()));
        }
    }

    private List<Notification> due(Channel channel) {
        return notifications.findByChannelAndStatusInAndNextAttemptAtLessThanEqualOrderByNextAttemptAtAsc(channel,
                CANDIDATES, clock.instant(), PageRequest.of(0, policy.batchSize()));
    }

    private void saveQuietly(Notification notification) {
        try {
            notifications.save(notification);
        } catch (OptimisticLockingFailureException e) {
            log.debug("Notification {} changed meanwhile; next round", notification.id());
        }
    }
}
