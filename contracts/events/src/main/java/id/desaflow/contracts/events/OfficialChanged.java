package id.desaflow.contracts.events;

import java.time.Instant;
import java.util.List;

/**
 * An official's account was created or changed (roles, dusun, contacts, active). Carries contacts because the
 * notification service needs them to tell officials about their work; key = userId.
 */
public record OfficialChanged(String userId, String username, String name, String villageCode,
        List<String> roles, String dusun, String email, String phone, boolean active, Instant changedAt) {
}
