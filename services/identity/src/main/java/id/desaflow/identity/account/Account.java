package id.desaflow.identity.account;

import id.desaflow.contracts.events.OfficialChanged;
import id.desaflow.contracts.events.OneTimeCodeRequested;
import id.desaflow.platform.outbox.AggregateRoot;
import id.desaflow.platform.security.Actor;
import id.desaflow.platform.security.Roles;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.function.Predicate;

/**
 * A person who signs in: an official/administrator (username + password) or a resident (NIK + PIN). The login
 * name is the username for officials and the NIK for residents, so one user store serves both login pages.
 * Secrets (password, PIN, one-time code) are kept only as DelegatingPasswordEncoder hashes.
 */
@Document("accounts")
public class Account extends AggregateRoot {

    static final int MAX_FAILED_SIGN_INS = 5;
    static final Duration LOCK_OUT = Duration.ofMinutes(15);
    static final Duration ONE_TIME_CODE_LIFETIME = Duration.ofMinutes(10);
    static final int MAX_ONE_TIME_CODE_TRIES = 3;

    @Id
    private String id;
    @Indexed(unique = true)
    private String loginName;
    private boolean resident;
    private String name;
    private String secretHash;
    private String village;
    private String kecamatan;
    private List<String> villages = List.of();
    private List<String> roles = List.of();
    private String dusun;
    private String email;
    private String phone;
    private boolean active = true;
    private boolean mustChangeSecret;
    private int failedSignIns;
    private Instant lockedUntil;
    private String oneTimeCodeHash;
    private Instant oneTimeCodeExpiresAt;
    private int oneTimeCodeTries;

    protected Account() {
    }

    public static Account official(String id, String username, String name, String passwordHash, String village,
            List<String> roles, String dusun, String email, String phone, Instant now) {
        Account a = new Account();
        a.id = id;
        a.loginName = username;
        a.name = name;
        a.secretHash = passwordHash;
        a.village = village;
        a.roles = List.copyOf(roles);
        a.dusun = dusun;
        a.email = email;
        a.phone = phone;
        a.changed(now);
        return a;
    }

    public static Account kecamatanAdmin(String id, String username, String name, String passwordHash,
            String kecamatan, List<String> villages, String email) {
        Account a = new Account();
        a.id = id;
        a.loginName = username;
        a.name = name;
        a.secretHash = passwordHash;
        a.kecamatan = kecamatan;
        a.villages = List.copyOf(villages);
        a.roles = List.of(Roles.ADMIN_KECAMATAN);
        a.email = email;
        return a;
    }

    /** {@code phone}/{@code email}: the registered contact a one-time code may be sent to (may be null). */
    public static Account resident(String id, String nik, String name, String pinHash, String village,
            boolean mustChangePin, String phone, String email) {
        Account a = new Account();
        a.id = id;
        a.loginName = nik;
        a.resident = true;
        a.name = name;
        a.secretHash = pinHash;
        a.village = village;
        a.roles = List.of(Roles.WARGA);
        a.mustChangeSecret = mustChangePin;
        a.phone = phone;
        a.email = email;
        return a;
    }

    public void assign(List<String> newRoles, String newDusun, Instant now) {
        if (resident) {
            throw new IllegalStateException("Peran warga tidak dapat diubah");
        }
        if (newRoles.contains(Roles.KADUS) && (newDusun == null || newDusun.isBlank())) {
            throw new IllegalArgumentException("Kepala dusun wajib memiliki dusun");
        }
        roles = List.copyOf(newRoles);
        dusun = newRoles.contains(Roles.KADUS) ? newDusun.trim() : null;
        changed(now);
    }

    public void deactivate(Instant now) {
        active = false;
        changed(now);
    }

    /** A PIN issued at the counter is known to the operator too: the resident must replace it at first sign-in. */
    public void resetPin(String pinHash) {
        if (!resident) {
            throw new IllegalStateException("Hanya akun warga yang memiliki PIN");
        }
        secretHash = pinHash;
        mustChangeSecret = true;
        failedSignIns = 0;
        lockedUntil = null;
    }

    /**
     * A password an administrator issued (and saw): like a counter PIN, the official must replace it before the
     * first sign-in completes. Also lifts a lock-out.
     */
    public void issuePassword(String passwordHash) {
        if (resident) {
            throw new IllegalStateException("Akun warga memakai PIN, bukan kata sandi");
        }
        secretHash = passwordHash;
        mustChangeSecret = true;
        failedSignIns = 0;
        lockedUntil = null;
    }

    public void changeSecret(String newHash) {
        secretHash = newHash;
        mustChangeSecret = false;
        oneTimeCodeHash = null;
    }

    public boolean hasContact() {
        return phone != null && !phone.isBlank() || email != null && !email.isBlank();
    }

    /**
     * A new code replaces any earlier one, valid for ten minutes. Only its hash is kept here; the code itself goes
     * out once, with this change (outbox), for the notification service to deliver to the registered contact: the
     * e-mail address if there is one (it reaches people even where SMS is not set up), else the phone by SMS.
     */
    public void issueOneTimeCode(String code, String codeHash, Instant now) {
        if (!resident || !active) {
            throw new IllegalStateException("Kode sekali pakai hanya untuk akun warga yang aktif");
        }
        if (!hasContact()) {
            throw new IllegalStateException("Akun warga ini tidak punya nomor atau email terdaftar");
        }
        oneTimeCodeHash = codeHash;
        oneTimeCodeExpiresAt = now.plus(ONE_TIME_CODE_LIFETIME);
        oneTimeCodeTries = 0;
        boolean byEmail = email != null && !email.isBlank();
        publish(new OneTimeCodeRequested(id, byEmail ? "EMAIL" : "SMS", byEmail ? email : phone, code, "id",
                oneTimeCodeExpiresAt, now));
    }

    /**
     * Spends the code: right, in time and within three tries => true (the resident must now choose a PIN). Any
     * other outcome counts a try; the third wrong one voids the code.
     */
    public boolean useOneTimeCode(Predicate<String> matchesHash, Instant now) {
        if (oneTimeCodeHash == null || now.isAfter(oneTimeCodeExpiresAt)) {
            oneTimeCodeHash = null;
            return false;
        }
        if (matchesHash.test(oneTimeCodeHash)) {
            oneTimeCodeHash = null;
            mustChangeSecret = true;
            failedSignIns = 0;
            lockedUntil = null;
            return true;
        }
        if (++oneTimeCodeTries >= MAX_ONE_TIME_CODE_TRIES) {
            oneTimeCodeHash = null;
        }
        return false;
    }

    public void signInFailed(Instant now) {
        failedSignIns++;
        if (failedSignIns >= MAX_FAILED_SIGN_INS) {
            lockedUntil = now.plus(LOCK_OUT);
            failedSignIns = 0;
        }
    }

    public void signedIn() {
        failedSignIns = 0;
        lockedUntil = null;
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** Admin-kecamatan has no single village: the event contract needs one, and nobody works tasks as it. */
    private void changed(Instant now) {
        if (village != null) {
            publish(new OfficialChanged(id, loginName, name, village, roles, dusun, email, phone, active, now));
        }
    }

    @Override
    protected String eventKey() {
        return id;
    }

    /** What this account's tokens say about it: the claims come from {@link Actor#claims()}. */
    public Actor actor() {
        return new Actor(id, name, village, kecamatan, villages, new HashSet<>(roles), dusun,
                resident ? loginName : null);
    }

    /** Can {@code admin} administer this account? admin-desa: own village; admin-kecamatan: its villages. */
    public boolean administrableBy(Actor admin) {
        return admin.administers(village);
    }

    public String id() { return id; }
    public String loginName() { return loginName; }
    public boolean resident() { return resident; }
    public String name() { return name; }
    public String secretHash() { return secretHash; }
    public String village() { return village; }
    public String kecamatan() { return kecamatan; }
    public List<String> villages() { return villages; }
    public List<String> roles() { return roles; }
    public String dusun() { return dusun; }
    public String email() { return email; }
    public String phone() { return phone; }
    public boolean active() { return active; }
    public boolean mustChangeSecret() { return mustChangeSecret; }
}
