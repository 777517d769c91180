package id.desaflow.contracts.events;

import java.time.Instant;

/**
 * A resident asked for a one-time code to set their PIN: the notification service delivers {@code code} to the
 * resident's registered contact. The only event that carries a secret, so it lives on the identity topic, which only
 * the notification service reads, and the code is short-lived and single-use; key = accountId.
 *
 * @param channel     EMAIL or SMS (or WHATSAPP)
 * @param destination the registered email address or phone number the code goes to
 * @param language    id or en
 */
public record OneTimeCodeRequested(String accountId, String channel, String destination, String code,
        String language, Instant expiresAt, Instant requestedAt) {
}
