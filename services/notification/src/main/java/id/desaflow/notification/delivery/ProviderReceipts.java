package id.desaflow.notification.delivery;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A provider that reports delivery by calling {@code POST /api/v1/providers/{provider}/receipts}. */
public interface ProviderReceipts {

    String provider();

    /**
     * @throws ReceiptRejectedException if the request does not prove it comes from the provider (shared secret)
     */
    List<Receipt> read(ReceiptRequest request);

    /** Answer to a provider's subscription check ({@code GET} on the same URL), or empty to refuse it. */
    default Optional<String> handshake(Map<String, String> query) {
        return Optional.empty();
    }
}
