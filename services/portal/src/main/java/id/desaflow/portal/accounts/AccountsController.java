package id.desaflow.portal.accounts;

import id.desaflow.portal.backend.Problem;
import id.desaflow.portal.signin.CurrentOfficial;
import id.desaflow.portal.signin.Official;
import id.desaflow.portal.web.Redirects;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.List;
import java.util.Map;

/**
 * Officials' accounts of the village (/admin/petugas): the village administrator adds an official (the first
 * password is shown once, to hand over), changes their role and dusun, or deactivates the account. At the counter
 * (/loket/pin) an operator issues a resident's PIN, shown once, to be replaced at the first sign-in.
 */
@Controller
class AccountsController {
    /** The roles a village administrator gives; admin kecamatan accounts come from the kabupaten. */
    static final List<String> ROLES = List.of("operator", "rt", "rw", "kadus", "kasi-pelayanan",
            "kasi-pemerintahan", "sekdes", "kades", "admin-desa");

    private final Accounts accounts;
    private final CurrentOfficial officials;

    AccountsController(Accounts accounts, CurrentOfficial officials) {
        this.accounts = accounts;
        this.officials = officials;
    }

    @GetMapping("/admin/petugas")
    ModelAndView list(@RequestParam(name = "hasil", required = false) String result) {
        return page(officials.require(), result, null, Map.of(), Map.of());
    }

    @PostMapping("/admin/petugas")
    ModelAndView create(@RequestParam Map<String, String> form) {
        Official admin = officials.require();
        try {
            Accounts.Secret secret = accounts.create(admin, admin.villageCode(), form.get("username"),
                    form.get("name"), form.get("role"), form.get("dusun"), form.get("email"), form.get("phone"));
            return page(admin, "dibuat", secret, Map.of(), Map.of()).addObject("createdName", form.get("name"));
        } catch (HttpClientErrorException.BadRequest | HttpClientErrorException.Conflict refused) {
            Map<String, String> errors = refused.getStatusCode().value() == 409
                    ? Map.of("username", "Nama pengguna sudah dipakai") : Problem.of(refused).fieldMessages();
            return page(admin, null, null, errors, form);
        } catch (HttpClientErrorException.Forbidden notAllowed) {
            return page(admin, "ditolak", null, Map.of(), form);
        }
    }

    @PostMapping("/admin/petugas/{id}/peran")
    ModelAndView assign(@PathVariable String id, @RequestParam(required = false) String role,
            @RequestParam(required = false) String dusun) {
        Official admin = officials.require();
        try {
            accounts.assign(admin, id, role, dusun);
            return done("peran");
        } catch (HttpClientErrorException.BadRequest invalid) {
            return page(admin, "peran-gagal", null, Problem.of(invalid).fieldMessages(), Map.of());
        } catch (HttpClientErrorException.Forbidden | HttpClientErrorException.NotFound notAllowed) {
            return page(admin, "ditolak", null, Map.of(), Map.of());
        }
    }

    @PostMapping("/admin/petugas/{id}/sandi")
    ModelAndView resetPassword(@PathVariable String id, @RequestParam(required = false) String name) {
        Official admin = officials.require();
        try {
            Accounts.Secret secret = accounts.resetPassword(admin, id);
            return page(admin, "sandi", secret, Map.of(), Map.of()).addObject("createdName", name);
        } catch (HttpClientErrorException.Forbidden | HttpClientErrorException.NotFound notAllowed) {
            return page(admin, "ditolak", null, Map.of(), Map.of());
        }
    }

    @PostMapping("/admin/petugas/{id}/nonaktif")
    ModelAndView deactivate(@PathVariable String id) {
        Official admin = officials.require();
        try {
            accounts.deactivate(admin, id);
            return done("nonaktif");
        } catch (HttpClientErrorException.Forbidden | HttpClientErrorException.NotFound notAllowed) {
            return page(admin, "ditolak", null, Map.of(), Map.of());
        }
    }

    /** One official's trail for the village admin: sign-ins (and failures) and decisions, each with where from. */
    @GetMapping("/admin/petugas/{id}/jejak")
    ModelAndView trail(@PathVariable String id) {
        Official admin = officials.require();
        Accounts.OfficialAccount account;
        try {
            account = accounts.officials(admin, admin.villageCode()).stream().filter(a -> a.id().equals(id))
                    .findFirst().orElse(null);
        } catch (HttpClientErrorException.Forbidden notAnAdministrator) {
            return page(admin, null, null, Map.of(), Map.of()); // says "only for the village admin", 403
        }
        if (account == null) { // not an official of this village: as if it did not exist
            ModelAndView page = page(admin, "ditolak", null, Map.of(), Map.of());
            page.setStatus(HttpStatus.NOT_FOUND);
            return page;
        }
        return new ModelAndView("admin-petugas-jejak")
                .addObject("official", admin)
                .addObject("account", account)
                .addObject("accountTrail", accounts.accountTrail(admin, id))
                .addObject("taskTrail", accounts.taskTrail(admin, account.id()));
    }

    @GetMapping("/loket/pin")
    ModelAndView pinForm() {
        return pinPage(officials.require(), null, Map.of(), Map.of());
    }

    @PostMapping("/loket/pin")
    ModelAndView issuePin(@RequestParam Map<String, String> form) {
        Official staff = officials.require();
        try {
            return pinPage(staff, accounts.issuePin(staff, form.get("nik"), form.get("name"), form.get("phone"),
                    form.get("email")), Map.of(), Map.of());
        } catch (HttpClientErrorException.BadRequest invalid) {
            return pinPage(staff, null, Problem.of(invalid).fieldMessages(), form);
        } catch (HttpClientErrorException.Forbidden | HttpClientErrorException.NotFound notAllowed) {
            return pinPage(staff, null, Map.of("nik", "PIN warga ini tidak dapat diterbitkan di desa ini"), form);
        }
    }

    private ModelAndView page(Official admin, String result, Accounts.Secret secret, Map<String, String> errors,
            Map<String, String> form) {
        ModelAndView page = new ModelAndView("admin-petugas");
        page.addObject("official", admin);
        try {
            page.addObject("accounts", accounts.officials(admin, admin.villageCode()));
        } catch (HttpClientErrorException.Forbidden notAnAdministrator) {
            page.addObject("forbidden", true);
            page.addObject("accounts", List.of());
            page.setStatus(HttpStatus.FORBIDDEN);
        }
        page.addObject("roles", ROLES);
        page.addObject("dusun", accounts.dusun(admin.villageCode()));
        page.addObject("result", result);
        page.addObject("secret", secret);
        page.addObject("errors", errors);
        page.addObject("form", form);
        if (!errors.isEmpty()) {
            page.setStatus(HttpStatus.BAD_REQUEST);
        }
        return page;
    }

    private ModelAndView pinPage(Official staff, Accounts.Secret secret, Map<String, String> errors,
            Map<String, String> form) {
        ModelAndView page = new ModelAndView("loket-pin");
        page.addObject("official", staff);
        page.addObject("secret", secret);
        page.addObject("errors", errors);
        page.addObject("form", form);
        if (!errors.isEmpty()) {
            page.setStatus(HttpStatus.BAD_REQUEST);
        }
        return page;
    }

    private static ModelAndView done(String result) {
        return Redirects.seeOther(UriComponentsBuilder.fromPath("/admin/petugas").queryParam("hasil", result)
                .build().toUriString());
    }
}
