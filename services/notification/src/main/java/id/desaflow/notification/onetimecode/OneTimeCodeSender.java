package id.desaflow.notification.onetimecode;

import id.desaflow.contracts.events.EventType;
import id.desaflow.contracts.events.OneTimeCodeRequested;
import id.desaflow.notification.delivery.Audience;
import id.desaflow.notification.delivery.Channel;
import id.desaflow.notification.message.Messenger;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Delivers a resident's one-time code on the channel identity chose, to the address identity gave (the account's
 * registered contact). The code and the address are never logged; the message is keyed by (event, account,
 * channel), so a redelivered event sends nothing twice, and a code that expired before it could go out is dropped.
 */
@Service
class OneTimeCodeSender {
    private static final Logger log = LoggerFactory.getLogger(OneTimeCodeSender.class);

    private final Messenger messenger;
    private final Clock clock;
    private final MeterRegistry meters;

    OneTimeCodeSender(Messenger messenger, Clock clock, MeterRegistry meters) {
        this.messenger = messenger;
        this.clock = clock;
        this.meters = meters;
    }

    void deliver(String eventId, OneTimeCodeRequested request) {
        Instant now = clock.instant();
        if (!request.expiresAt().isAfter(now)) {
            meters.counter("desaflow.notification.codes", "outcome", "expired").increment();
            log.info("One-time code event {} for account {} expired at {}: not sent", eventId, request.accountId(),
                    request.expiresAt());
            return;
        }
        Channel channel = Channel.valueOf(request.channel());
        boolean byMail = channel == Channel.EMAIL;
        var to = new Messenger.Addressee(Audience.ACCOUNT, request.accountId(), null,
                byMail ? request.destination() : null, byMail ? null : request.destination(), null);
        long minutes = Math.max(1, Duration.between(now, request.expiresAt()).plusSeconds(59).toMinutes());
        boolean queued = messenger.sendCode(to, channel, eventId, EventType.ONE_TIME_CODE_REQUESTED.type(),
                request.language(), Map.of("code", request.code(), "minutes", String.valueOf(minutes)),
                request.code(), request.expiresAt());
        meters.counter("desaflow.notification.codes", "outcome", queued ? "queued" : "redelivered").increment();
        log.info("One-time code event {} for account {} on {}: {}", eventId, request.accountId(), channel,
                queued ? "queued" : "already queued");
    }
}
