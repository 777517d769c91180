package id.desaflow.notification.delivery;

import org.springframework.stereotype.Component;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The configured gateways, one per channel: a channel without a configured provider is not offered. */
@Component
public class Gateways {
    private final Map<Channel, ChannelGateway> byChannel = new EnumMap<>(Channel.class);

    Gateways(List<ChannelGateway> gateways) {
        for (ChannelGateway gateway : gateways) {
            ChannelGateway previous = byChannel.put(gateway.channel(), gateway);
            if (previous != null) {
                throw new IllegalStateException("Two providers for " + gateway.channel() + ": "
                        + previous.provider() + " and " + gateway.provider());
            }
        }
    }

    public Set<Channel> enabled() {
        return Collections.unmodifiableSet(byChannel.keySet());
    }

    public boolean isEnabled(Channel channel) {
        return byChannel.containsKey(channel);
    }

    Optional<ChannelGateway> of(Channel channel) {
        return Optional.ofNullable(byChannel.get(channel));
    }
}
