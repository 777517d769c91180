package id.desaflow.notification.inbox;

import id.desaflow.notification.delivery.Channel;
import id.desaflow.notification.delivery.ChannelGateway;
import id.desaflow.notification.delivery.DeliveryOutcome;
import id.desaflow.notification.delivery.OutgoingMessage;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Delivers in-app: stores the message in the person's portal inbox. The item's id is the notification's id, so
 * sending again after a crash mid-send finds it there and adds nothing: exactly once by construction.
 */
@Component
class InAppGateway implements ChannelGateway {
    static final String PROVIDER = "portal";

    private final InboxItems inbox;
    private final Clock clock;

    InAppGateway(InboxItems inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.IN_APP;
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public DeliveryOutcome send(OutgoingMessage message) {
        try {
            inbox.insert(new InboxItem(message.notificationId(), message.recipientKey(), message.requestId(),
                    message.about(), message.subject(), message.body().strip(), message.link(), clock.instant()));
        } catch (DuplicateKeyException e) {
            // already in the inbox: the earlier attempt got there before the service stopped
        }
        return new DeliveryOutcome.Accepted(message.notificationId(), false);
    }
}
