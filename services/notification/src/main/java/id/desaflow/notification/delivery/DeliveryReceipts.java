package id.desaflow.notification.delivery;

import id.desaflow.platform.web.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.Optional;

/** Applies providers' delivery receipts to their messages. A repeated or late receipt changes nothing. */
@Service
class DeliveryReceipts {
    private static final Logger log = LoggerFactory.getLogger(DeliveryReceipts.class);
    private static final int TRIES = 3;

    private final Notifications notifications;
    private final FinalFailureFollowUp followUp;
    private final DeliveryPolicy policy;
    private final Clock clock;
    private final MeterRegistry meters;

    DeliveryReceipts(Notifications notifications, FinalFailureFollowUp followUp, DeliveryPolicy policy, Clock clock,
            MeterRegistry meters) {
        this.notifications = notifications;
        this.followUp = followUp;
        this.policy = policy;
        this.clock = clock;
        this.meters = meters;
    }

    void apply(String provider, Receipt receipt) {
        for (int attempt = 1; attempt <= TRIES; attempt++) {
            Optional<Notification> found = find(receipt);
            if (found.isEmpty()) {
                log.info("Receipt from {} for unknown message {} / {} ignored", provider, receipt.notificationId(),
                        receipt.providerReference());
                return;
            }
            Notification notification = found.get();
            if (!notification.receipt(receipt.status(), receipt.providerReference(), receipt.reason(),
                    clock.instant(), policy)) {
                return;
            }
            try {
                notifications.save(notification);
            } catch (OptimisticLockingFailureException e) {
                continue; // the dispatcher saved its outcome meanwhile: apply to the fresh state
            }
            meters.counter("desaflow.notification.receipts", "provider", provider, "status",
                    receipt.status().name()).increment();
            log.info("Receipt from {}: notification {} to {} is {}", provider, notification.id(),
                    notification.maskedRecipient(), notification.status());
            if (notification.followUpPending()) {
                followUp.run(notification);
            }
            return;
        }
        // the provider delivers a receipt again when it gets no 2xx
        throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "receipt-busy", "Coba lagi",
                "Notifikasi sedang berubah; kirim ulang laporan ini.", null);
    }

    private Optional<Notification> find(Receipt receipt) {
        if (receipt.notificationId() != null) {
            Optional<Notification> byId = notifications.findById(receipt.notificationId());
            if (byId.isPresent()) {
                return byId;
            }
        }
        return receipt.providerReference() == null ? Optional.empty()
                : notifications.findFirstByProviderReference(receipt.providerReference());
    }
}
