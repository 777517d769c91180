package id.desaflow.identity.admin;

import id.desaflow.identity.account.Account;
import id.desaflow.identity.account.Accounts;
import id.desaflow.identity.audit.AuditRecord;
import id.desaflow.identity.audit.AuditTrail;
import id.desaflow.identity.authserver.Authorizations;
import jakarta.servlet.http.HttpServletRequest;
import id.desaflow.platform.identity.Nik;
import id.desaflow.platform.security.Actor;
import id.desaflow.platform.security.Roles;
import id.desaflow.platform.web.FieldProblem;
import id.desaflow.platform.web.InvalidInputException;
import id.desaflow.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Administration of officials and residents' PINs: admin-desa for its village, admin-kecamatan for its villages. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Administrasi akun")
class AdminApi {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final AuditTrail audit;
    private final Authorizations signIns;

    AdminApi(Accounts accounts, PasswordEncoder encoder, Clock clock, AuditTrail audit, Authorizations signIns) {
        this.audit = audit;
        this.signIns = signIns;
        this.accounts = accounts;
        this.encoder = encoder;
        this.clock = clock;
    }

    record NewOfficial(String username, String name, String village, List<String> roles, String dusun, String email,
            String phone) {
    }

    record RoleAssignment(List<String> roles, String dusun) {
    }

    record OfficialView(String id, String username, String name, String village, List<String> roles, String dusun,
            boolean active) {
        static OfficialView of(Account a) {
            return new OfficialView(a.id(), a.loginName(), a.name(), a.village(), a.roles(), a.dusun(), a.active());
        }
    }

    /** The secret is shown in this answer only; it is stored hashed. */
    record IssuedSecret(String id, String secret) {
    }

    /** {@code phone}/{@code email}: the resident's registered contact for one-time codes (optional). */
    record PinReset(String nik, String name, String village, String phone, String email) {
    }

    @GetMapping("/officials")
    @Operation(summary = "Daftar petugas desa yang boleh diadministrasi")
    List<OfficialView> list(@AuthenticationPrincipal Actor caller, @RequestParam String village) {
        Actor admin = admin(caller);
        requireVillage(admin, village);
        return accounts.findByVillageInAndResidentFalse(List.of(village)).stream().map(OfficialView::of).toList();
    }

    @PostMapping("/officials")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Buat akun petugas; kata sandi awal ditampilkan sekali, diganti saat masuk pertama")
    IssuedSecret create(@AuthenticationPrincipal Actor caller, @RequestBody NewOfficial body, HttpServletRequest http) {
        Actor admin = admin(caller);
        List<FieldProblem> problems = new ArrayList<>();
        if (body.username() == null || !body.username().matches("[a-z0-9._-]{3,40}")) {
            problems.add(new FieldProblem("username", "Nama pengguna 3-40 huruf kecil, angka, titik, garis"));
        }
        if (body.name() == null || body.name().isBlank() || body.name().length() > 120) {
            problems.add(new FieldProblem("name", "Nama wajib diisi (maks. 120 huruf)"));
        }
        if (body.village() == null || !body.village().matches("\\d{10}")) {
            problems.add(new FieldProblem("village", "Kode desa harus 10 angka"));
        }
        rolesProblems(body.roles(), body.dusun(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        requireVillage(admin, body.village());
        if (accounts.findByLoginName(body.username()).isPresent()) {
            throw ProblemException.conflict("username-taken", "Nama pengguna sudah dipakai", Map.of());
        }
        String password = firstPassword();
        Account a = Account.official(UUID.randomUUID().toString(), body.username(), body.name().trim(), null,
                body.village(), body.roles(), body.dusun(), body.email(), body.phone(), clock.instant());
        a.issuePassword(encoder.encode(password)); // the administrator saw it: replaced at first sign-in
        accounts.save(a);
        audit.record(a.id(), admin.userId(), "official-created", String.join(",", a.roles()), ip(http));
        return new IssuedSecret(a.id(), password);
    }

    @PutMapping("/officials/{id}/roles")
    @Operation(summary = "Tetapkan peran dan dusun petugas")
    OfficialView assign(@AuthenticationPrincipal Actor caller, @PathVariable String id, @RequestBody RoleAssignment body,
            HttpServletRequest http) {
        Actor admin = admin(caller);
        List<FieldProblem> problems = new ArrayList<>();
        rolesProblems(body.roles(), body.dusun(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Account a = administrable(admin, id);
        a.assign(body.roles(), body.dusun(), clock.instant());
        accounts.save(a);
        audit.record(a.id(), admin.userId(), "roles-assigned", String.join(",", a.roles()), ip(http));
        return OfficialView.of(a);
    }

    @PostMapping("/officials/{id}/deactivation")
    @Operation(summary = "Nonaktifkan akun petugas")
    OfficialView deactivate(@AuthenticationPrincipal Actor caller, @PathVariable String id, HttpServletRequest http) {
        Actor admin = admin(caller);
        Account a = administrable(admin, id);
        a.deactivate(clock.instant());
        accounts.save(a);
        signIns.removeAllOf(a.loginName()); // else the portal would keep refreshing its tokens for hours
        audit.record(a.id(), admin.userId(), "deactivated", null, ip(http));
        return OfficialView.of(a);
    }

    /**
     * An official forgot the password or is locked out: the administrator issues a new one, shown once; like a
     * first password it must be replaced at the next sign-in, and the official's current sign-ins end.
     */
    @PostMapping("/officials/{id}/password-reset")
    @Operation(summary = "Terbitkan kata sandi baru petugas; ditampilkan sekali, diganti saat masuk berikutnya")
    IssuedSecret resetPassword(@AuthenticationPrincipal Actor caller, @PathVariable String id,
            HttpServletRequest http) {
        Actor admin = admin(caller);
        Account a = administrable(admin, id);
        String password = firstPassword();
        a.issuePassword(encoder.encode(password));
        accounts.save(a);
        signIns.removeAllOf(a.loginName());
        audit.record(a.id(), admin.userId(), "password-issued", null, ip(http));
        return new IssuedSecret(a.id(), password);
    }

    /**
     * At the counter: an operator of the village or its administrators issue a PIN, shown once, to be replaced at
     * first sign-in. NIK in the body, never the URL. Creates the resident's account on first issue.
     */
    @PostMapping("/residents/pin-reset")
    @Operation(summary = "Terbitkan PIN warga di loket; PIN ditampilkan sekali dan wajib diganti saat masuk")
    IssuedSecret resetPin(@AuthenticationPrincipal Actor caller, @RequestBody PinReset body, HttpServletRequest http) {
        Actor staff = current(caller);
        List<FieldProblem> problems = new ArrayList<>();
        Nik.problem(body.nik()).ifPresent(p -> problems.add(new FieldProblem("nik", p)));
        if (body.village() == null || !body.village().matches("\\d{10}")) {
            problems.add(new FieldProblem("village", "Kode desa harus 10 angka"));
        }
        if (body.phone() != null && !body.phone().matches("\\+?[0-9]{9,15}")) {
            problems.add(new FieldProblem("phone", "Nomor telepon 9-15 angka"));
        }
        if (body.email() != null && !body.email().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            problems.add(new FieldProblem("email", "Alamat email tidak valid"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        boolean counter = staff.hasRole(Roles.OPERATOR) && staff.worksIn(body.village());
        if (!counter && !staff.administers(body.village())) {
            throw forbidden();
        }
        String pin = String.format("%06d", RANDOM.nextInt(1_000_000));
        Account a = accounts.findByLoginName(body.nik()).orElse(null);
        if (a == null) {
            if (body.name() == null || body.name().isBlank()) {
                throw new InvalidInputException("name", "Nama warga wajib diisi untuk akun baru");
            }
            a = Account.resident(UUID.randomUUID().toString(), body.nik(), body.name().trim(), encoder.encode(pin),
                    body.village(), true, body.phone(), body.email());
        } else if (!a.resident() || !body.village().equals(a.village())) {
            throw ProblemException.notFound("warga");
        } else {
            a.resetPin(encoder.encode(pin));
            signIns.removeAllOf(a.loginName()); // whoever knew the old PIN is signed out
        }
        accounts.save(a);
        audit.record(a.id(), staff.userId(), "pin-issued", null, ip(http));
        return new IssuedSecret(a.id(), pin);
    }

    @GetMapping("/audit/users/{userId}")
    @Operation(summary = "Catatan audit satu akun (masuk, gagal masuk, perubahan oleh admin)")
    List<AuditRecord> auditOf(@AuthenticationPrincipal Actor caller, @PathVariable String userId) {
        Actor admin = admin(caller);
        accounts.findById(userId).filter(a -> a.administrableBy(admin) || a.id().equals(admin.userId()))
                .orElseThrow(() -> ProblemException.notFound("akun"));
        return audit.of(userId);
    }

    private static void rolesProblems(List<String> roles, String dusun, List<FieldProblem> problems) {
        // admin-kecamatan accounts are made by the kabupaten, not through a village's administration
        if (roles == null || roles.isEmpty() || !Roles.OFFICIALS.containsAll(roles)
                || roles.contains(Roles.ADMIN_KECAMATAN)) {
            problems.add(new FieldProblem("roles", "Peran tidak dikenal atau kosong"));
        } else if (roles.contains(Roles.KADUS) && (dusun == null || dusun.isBlank())) {
            problems.add(new FieldProblem("dusun", "Kepala dusun wajib memiliki dusun"));
        }
    }

    /**
     * The caller as the store knows them NOW (roles, villages, active), not as their up-to-15-minute-old token
     * says: a deactivated or demoted administrator loses the admin API at once.
     */
    private Actor current(Actor caller) {
        return accounts.findById(caller.userId()).filter(Account::active).map(Account::actor)
                .orElseThrow(AdminApi::forbidden);
    }

    private Actor admin(Actor caller) {
        Actor admin = current(caller);
        if (!admin.hasAnyRole(Roles.ADMIN_DESA, Roles.ADMIN_KECAMATAN)) {
            throw forbidden();
        }
        return admin;
    }

    private static void requireVillage(Actor admin, String village) {
        if (!admin.administers(village)) {
            throw forbidden();
        }
    }

    /** Another village's official answers 404: its existence must not leak. */
    private Account administrable(Actor admin, String id) {
        return accounts.findById(id).filter(a -> !a.resident() && a.administrableBy(admin))
                .orElseThrow(() -> ProblemException.notFound("petugas"));
    }

    private static ProblemException forbidden() {
        return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Akses ditolak",
                "Hanya admin desa ini atau admin kecamatannya", Map.of());
    }

    private static String ip(HttpServletRequest request) {
        return request.getRemoteAddr();
    }

    /** 12 characters without look-alikes (read aloud or copied by hand), always letters and digits. */
    private static String firstPassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
        String password;
        do {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < 12; i++) {
                b.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
            }
            password = b.toString();
        } while (password.chars().noneMatch(Character::isDigit) || password.chars().noneMatch(Character::isLetter));
        return password;
    }
}
