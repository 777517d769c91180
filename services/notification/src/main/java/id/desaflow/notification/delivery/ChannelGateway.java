package id.desaflow.notification.delivery;

/**
 * Sends messages of one channel through one provider. A gateway exists only when its provider is configured, so the
 * set of gateway beans is the set of channels the village can use.
 */
public interface ChannelGateway {

    Channel channel();

    /** Provider id, as in the receipt URL and the circuit breaker / rate limiter names. */
    String provider();

    /** False while the provider's circuit is open: the dispatcher then leaves the channel's messages unclaimed. */
    default boolean isAvailable() {
        return true;
    }

    /** Sends once; never throws for a provider's answer, only reports it. */
    DeliveryOutcome send(OutgoingMessage message);

    /**
     * For a message found claimed but unsettled after its lease (a crash mid-send): tell whether the provider got
     * it. The default is {@link InDoubt.Unknown}; gateways document why.
     */
    default InDoubt resolveInDoubt(OutgoingMessage message) {
        return new InDoubt.Unknown();
    }
}
