package id.desaflow.notification.message;

import id.desaflow.notification.delivery.Audience;
import id.desaflow.notification.delivery.Channel;
import id.desaflow.notification.delivery.Draft;
import id.desaflow.notification.delivery.FinalFailures;
import id.desaflow.notification.delivery.Gateways;
import id.desaflow.notification.delivery.Notification;
import id.desaflow.notification.delivery.NotificationStatus;
import id.desaflow.notification.delivery.Notifications;
import id.desaflow.notification.preference.ChannelPlan;
import id.desaflow.notification.preference.Preference;
import id.desaflow.notification.preference.PreferenceBook;
import id.desaflow.notification.template.MessageTemplates;
import id.desaflow.notification.template.RenderedMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Writes one event's message to one person on the channels their preferences plan, and the one fallback when a
 * channel fails for good. Each message's id comes from (event, person, channel), so a redelivered event or a
 * repeated follow-up finds its message already queued and adds nothing.
 */
@Service
public class Messenger implements FinalFailures {
    private static final Logger log = LoggerFactory.getLogger(Messenger.class);
    /** A sibling in one of these states means the person hears of the event anyway: no fallback needed. */
    private static final Set<NotificationStatus> REACHES = EnumSet.of(NotificationStatus.DELIVERED,
            NotificationStatus.PENDING, NotificationStatus.SENDING, NotificationStatus.TEMPORARY_FAILURE);

    /**
     * A person to write to: key (preferences, inbox), name, the contacts they gave, and the village whose
     * administrators see the message in their log (null: only the kecamatan's).
     */
    public record Addressee(Audience audience, String recipientKey, String name, String email, String phone,
            String villageCode) {
    }

    private final Notifications notifications;
    private final PreferenceBook preferences;
    private final Gateways gateways;
    private final MessageTemplates templates;
    private final Clock clock;
    private final String defaultLanguage;

    Messenger(Notifications notifications, PreferenceBook preferences, Gateways gateways, MessageTemplates templates,
            Clock clock, @Value("${desaflow.notification.language:id}") String defaultLanguage) {
        if (!MessageTemplates.LANGUAGES.contains(defaultLanguage)) {
            throw new IllegalArgumentException("desaflow.notification.language must be one of "
                    + MessageTemplates.LANGUAGES + ", not " + defaultLanguage);
        }
        this.notifications = notifications;
        this.preferences = preferences;
        this.gateways = gateways;
        this.templates = templates;
        this.clock = clock;
        this.defaultLanguage = defaultLanguage;
    }

    /**
     * Queues the message about {@code causedBy} for {@code to}.
     *
     * @param variables the template variables in a language (labels, statuses and dates differ per language)
     * @return how many messages were newly queued
     */
    public int send(Addressee to, String causedBy, String about, String requestId,
            Function<String, Map<String, String>> variables) {
        Preference preference = preferences.of(to.recipientKey());
        String language = preference.language() != null ? preference.language() : defaultLanguage;
        Map<String, String> values = variables.apply(language);
        ChannelPlan plan = new ChannelPlan(preference, gateways.enabled(), to.email(), to.phone());
        String unsubscribeUrl = preferences.unsubscribeUrl(to.recipientKey());
        int queued = 0;
        for (Channel channel : plan.primary()) {
            if (queue(to, channel, causedBy, about, requestId, language, values, unsubscribeUrl, null, null)) {
                queued++;
            }
        }
        return queued;
    }

    /**
     * A one-time code on exactly the channel the person asked for, whatever their preferences (even opted out:
     * they are waiting for it), without an unsubscribe link and without fallback.
     *
     * @return whether it was newly queued (false for a redelivered event)
     */
    public boolean sendCode(Addressee to, Channel channel, String causedBy, String about, String language,
            Map<String, String> variables, String code, Instant expiresAt) {
        return queue(to, channel, causedBy, about, null, language, variables, null, null,
                n -> n.carryingSecret(code, expiresAt));
    }

    /** The one fallback of a message that failed for good: the next channel in the person's order, once. */
    @Override
    public void followUp(Notification failed) {
        if (!failed.fallbackAllowed()) {
            return;
        }
        List<Notification> siblings = notifications.findByCausedByAndRecipientKey(failed.causedBy(),
                failed.recipientKey());
        if (siblings.stream().anyMatch(n -> !n.id().equals(failed.id()) && n.channel().external()
                && REACHES.contains(n.status()))) {
            log.debug("No fallback for {}: another channel carries the message", failed.id());
            return;
        }
        Set<Channel> used = new HashSet<>();
        siblings.forEach(n -> used.add(n.channel()));
        used.add(failed.channel());
        Preference preference = preferences.of(failed.recipientKey());
        new ChannelPlan(preference, gateways.enabled(), failed.contactEmail(), failed.contactPhone()).fallback(used)
                .ifPresentOrElse(next -> {
                    Addressee to = new Addressee(failed.audience(), failed.recipientKey(), null,
                            failed.contactEmail(), failed.contactPhone(), failed.villageCode());
                    if (queue(to, next, failed.causedBy(), failed.about(), failed.requestId(),
                            failed.language() == null ? defaultLanguage : failed.language(), failed.variables(),
                            preferences.unsubscribeUrl(failed.recipientKey()), failed.id(), null)) {
                        log.info("Notification {} failed for good on {}; falling back to {}", failed.id(),
                                failed.channel(), next);
                    }
                }, () -> log.info("Notification {} failed for good; no other channel reaches the person",
                        failed.id()));
    }

    private boolean queue(Addressee to, Channel channel, String causedBy, String about, String requestId,
            String language, Map<String, String> variables, String unsubscribeUrl, String fallbackOf,
            UnaryOperator<Notification> special) {
        String id = Notification.idFor(causedBy, to.audience(), to.recipientKey(), channel);
        if (notifications.existsById(id)) {
            log.debug("Notification {} exists already; redelivery ignored", id);
            return false;
        }
        RenderedMessage message = templates.compose(about, channel, language, variables, unsubscribeUrl);
        try {
            Notification queued = Notification.queue(new Draft(causedBy, about, requestId, to.audience(),
                    to.recipientKey(), channel, address(to, channel), message.subject(), message.body(),
                    variables.get("link"), unsubscribeUrl, language, variables, to.email(), to.phone(), fallbackOf),
                    clock.instant()).forVillage(to.villageCode());
            notifications.insert(special == null ? queued : special.apply(queued));
            return true;
        } catch (DuplicateKeyException e) {
            log.debug("Notification {} was queued concurrently", id);
            return false;
        }
    }

    private static String address(Addressee to, Channel channel) {
        return switch (channel) {
            case EMAIL -> to.email();
            case SMS, WHATSAPP -> to.phone();
            case IN_APP -> to.recipientKey();
        };
    }
}
