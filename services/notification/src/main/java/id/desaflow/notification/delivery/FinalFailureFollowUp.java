package id.desaflow.notification.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;

/** What follows a final failure (its fallback), then the mark that it followed: for the dispatcher and receipts. */
@Component
class FinalFailureFollowUp {
    private static final Logger log = LoggerFactory.getLogger(FinalFailureFollowUp.class);

    private final List<FinalFailures> followUps;
    private final Notifications notifications;

    FinalFailureFollowUp(List<FinalFailures> followUps, Notifications notifications) {
        this.followUps = followUps;
        this.notifications = notifications;
    }

    /** {@code failed} as just saved or loaded; if it changed since, the dispatcher's sweep follows it up again. */
    void run(Notification failed) {
        followUps.forEach(f -> f.followUp(failed));
        if (notifications.followedUp(failed.id(), failed.version()) == 0) {
            log.debug("Notification {} changed during its follow-up; the next sweep looks again", failed.id());
        }
    }
}
