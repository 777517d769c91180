package id.desaflow.identity.audit;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * Who did what, when, from where. {@code userId} is the account concerned (never a NIK), {@code actorId} who
 * acted (the same person for sign-ins, the administrator for admin changes).
 */
@Document("audit")
public record AuditRecord(@Id String id, @Indexed String userId, String actorId, String action, String detail,
        String ip, Instant at) {
}
