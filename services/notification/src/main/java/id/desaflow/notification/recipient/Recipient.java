package id.desaflow.notification.recipient;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * Whom to tell about a request, and what to call it: the applicant's key and contacts as of the latest revision
 * seen. Replaying an event leaves the same state, and an older revision never overwrites a newer one.
 */
@Document("recipients")
public class Recipient {
    @Id
    private String requestId;
    /** The resident's key (keyed hash of the NIK): their preferences and portal inbox. */
    private String residentKey;
    private String name;
    private String email;
    private String phone;
    private String trackingCode;
    private String letterType;
    private String villageCode;
    private int revision;
    private Instant updatedAt;
    @Version
    private Long version;

    private Recipient() {
        // for the MongoDB mapping
    }

    Recipient(String requestId) {
        this.requestId = requestId;
        this.revision = -1;
    }

    /** @return whether the contacts changed (false for an older or repeated revision) */
    boolean update(Contacts contacts, String residentKey, Instant now) {
        if (contacts.revision() < revision) {
            return false;
        }
        this.residentKey = residentKey;
        name = contacts.name();
        email = blankToNull(contacts.email());
        phone = blankToNull(contacts.phone());
        trackingCode = contacts.trackingCode();
        letterType = contacts.letterType();
        villageCode = contacts.villageCode();
        revision = contacts.revision();
        updatedAt = now;
        return true;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public String requestId() {
        return requestId;
    }

    public String residentKey() {
        return residentKey;
    }

    public String name() {
        return name;
    }

    /** Raw address, or null when the applicant gave none. */
    public String email() {
        return email;
    }

    public String phone() {
        return phone;
    }

    public String trackingCode() {
        return trackingCode;
    }

    public String letterType() {
        return letterType;
    }

    public String villageCode() {
        return villageCode;
    }

    public int revision() {
        return revision;
    }
}
