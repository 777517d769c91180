package id.desaflow.notification.preference;

import id.desaflow.notification.delivery.Channel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which channels one message goes to. Each address the person gave is used once, on their preferred channel for
 * it: the e-mail address by e-mail, the phone number by the first of WhatsApp / SMS in their order; plus the
 * portal inbox when listed. When a message fails for good, the next reachable channel in their order that has not
 * carried this message is tried, once. Opted out: only the portal inbox (nothing leaves the system).
 * A channel is reachable when its provider is configured and the person gave the address it needs.
 */
public final class ChannelPlan {
    private final List<Channel> order;
    private final boolean optedOut;
    private final Set<Channel> enabled;
    private final boolean hasEmail;
    private final boolean hasPhone;

    public ChannelPlan(Preference preference, Set<Channel> enabled, String email, String phone) {
        this.order = preference.channels();
        this.optedOut = preference.optedOut();
        this.enabled = Set.copyOf(enabled);
        this.hasEmail = email != null && !email.isBlank();
        this.hasPhone = phone != null && !phone.isBlank();
    }

    public List<Channel> primary() {
        List<Channel> channels = new ArrayList<>();
        if (!optedOut) {
            if (reachable(Channel.EMAIL) && order.contains(Channel.EMAIL)) {
                channels.add(Channel.EMAIL);
            }
            order.stream().filter(Channel::usesPhone).filter(this::reachable).findFirst().ifPresent(channels::add);
        }
        if (order.contains(Channel.IN_APP)) {
            channels.add(Channel.IN_APP);
        }
        return channels;
    }

    /** The next channel to try after a final failure, given the channels this message already used. */
    public Optional<Channel> fallback(Collection<Channel> used) {
        if (optedOut) {
            return Optional.empty();
        }
        return order.stream().filter(Channel::external).filter(this::reachable).filter(c -> !used.contains(c))
                .findFirst();
    }

    boolean reachable(Channel channel) {
        if (!enabled.contains(channel)) {
            return false;
        }
        return switch (channel) {
            case EMAIL -> hasEmail;
            case SMS, WHATSAPP -> hasPhone;
            case IN_APP -> true;
        };
    }
}
