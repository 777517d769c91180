package id.desaflow.notification.official;

import id.desaflow.contracts.events.OfficialChanged;
import id.desaflow.notification.delivery.Audience;
import id.desaflow.notification.message.Messenger;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A village official as the identity service announced them: whom to tell about tasks of their village and roles
 * (and, for a kepala dusun, of their dusun). Seeded demo officials are replaced when identity announces the same
 * username.
 */
@Document("officials")
@CompoundIndex(name = "village-role", def = "{'villageCode': 1, 'roles': 1}")
class Official {
    @Id
    private String userId;
    @Indexed
    private String username;
    private String name;
    private String villageCode;
    private List<String> roles;
    private String dusun;
    private String email;
    private String phone;
    private boolean active;
    private Instant changedAt;
    private boolean seeded;

    private Official() {
        // for the MongoDB mapping
    }

    static Official of(OfficialChanged e, boolean seeded) {
        Official o = new Official();
        o.userId = e.userId();
        o.username = e.username();
        o.name = e.name();
        o.villageCode = e.villageCode();
        o.roles = e.roles() == null ? List.of() : List.copyOf(e.roles());
        o.dusun = e.dusun();
        o.email = blankToNull(e.email());
        o.phone = blankToNull(e.phone());
        o.active = e.active();
        o.changedAt = e.changedAt();
        o.seeded = seeded;
        return o;
    }

    /** {@code Bandung Kidul} becomes {@code bandung-kidul}, as in candidate groups. */
    static String slug(String dusun) {
        return dusun == null ? null : dusun.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
    }

    boolean isNewerThan(Instant changed) {
        return changedAt != null && changed != null && changedAt.isAfter(changed);
    }

    boolean servesDusun(String dusunSlug) {
        return dusunSlug.equals(slug(dusun));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    String userId() {
        return userId;
    }

    String username() {
        return username;
    }

    String name() {
        return name;
    }

    String villageCode() {
        return villageCode;
    }

    List<String> roles() {
        return roles;
    }

    String dusun() {
        return dusun;
    }

    String email() {
        return email;
    }

    String phone() {
        return phone;
    }

    boolean active() {
        return active;
    }

    boolean seeded() {
        return seeded;
    }

    /** Whom a message to this official goes to; their village's administrators see it in the log. */
    Messenger.Addressee addressee() {
        return new Messenger.Addressee(Audience.OFFICIAL, userId, name, email, phone, villageCode);
    }
}
