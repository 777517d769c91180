package id.desaflow.identity.login;

import id.desaflow.platform.identity.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * No message gateway is wired into identity yet: say so (masked contact, never the code), so an operator knows to
 * issue a PIN at the counter instead. Replace with a listener that really sends {@link OneTimeCodeIssued}.
 */
@Component
class UnwiredCodeDelivery {
    private static final Logger log = LoggerFactory.getLogger(UnwiredCodeDelivery.class);

    @EventListener
    void deliver(OneTimeCodeIssued issued) {
        log.warn("one-time code for account={} not sent: no gateway wired (contact {})", issued.accountId(),
                issued.phone() != null ? Masking.phone(issued.phone()) : Masking.email(issued.email()));
    }
}
