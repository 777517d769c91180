package id.desaflow.identity.login;

import id.desaflow.identity.account.Account;
import id.desaflow.identity.account.Accounts;
import id.desaflow.identity.audit.AuditTrail;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * A resident without a usable PIN asks for a one-time code sent to the contact registered at the village office,
 * then chooses a new PIN with it. The answer never tells whether a NIK has an account (same page either way); the
 * NIK stays in the session, never in a URL; requests are rate-limited per IP, a code dies after 10 minutes or
 * three wrong tries.
 */
@Controller
class OneTimeCodeSignIn {
    static final String NIK = OneTimeCodeSignIn.class.getName() + ".nik";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;
    private final Clock clock;

    OneTimeCodeSignIn(Accounts accounts, PasswordEncoder encoder, AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping(value = LoginRateLimit.CODE_REQUEST, produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String requestForm(HttpServletRequest request) {
        return LoginHtml.page("Minta kode PIN", "<p>Kode 6 angka dikirim ke nomor HP atau email yang terdaftar di "
                + "kantor desa. Dengan kode itu Anda membuat PIN baru.</p>"
                + "<form method=\"post\" action=\"" + LoginRateLimit.CODE_REQUEST + "\">" + LoginHtml.csrf(request)
                + "<label for=\"nik\">NIK (16 angka)</label><input id=\"nik\" name=\"nik\" type=\"text\""
                + " inputmode=\"numeric\" pattern=\"[0-9]{16}\" autocomplete=\"off\" required>"
                + "<button type=\"submit\">Kirim kode</button></form>"
                + "<p><a href=\"/login/warga\">Kembali ke halaman masuk warga</a></p>");
    }

    @PostMapping(LoginRateLimit.CODE_REQUEST)
    void sendCode(HttpServletRequest request, HttpServletResponse response, @RequestParam String nik)
            throws IOException {
        String typed = nik.trim();
        accounts.findByLoginName(typed).filter(a -> a.resident() && a.active() && a.hasContact()).ifPresent(a -> {
            String code = String.format("%06d", RANDOM.nextInt(1_000_000));
            a.issueOneTimeCode(code, encoder.encode(code), clock.instant());
            accounts.save(a); // with the OneTimeCodeRequested the notification service delivers
            audit.record(a.id(), a.id(), "pin-code-sent", null, request.getRemoteAddr());
        });
        request.getSession().setAttribute(NIK, typed);
        response.sendRedirect(LoginRateLimit.CODE_REQUEST + "/masuk");
    }

    @GetMapping(value = LoginRateLimit.CODE_REQUEST + "/masuk", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String codeForm(HttpServletRequest request, @RequestParam(required = false) String error) {
        return LoginHtml.page("Masukkan kode", (error == null ? "" : LoginHtml.alert(
                "Kode salah atau sudah tidak berlaku. Minta kode baru bila perlu."))
                + "<p>Jika NIK Anda terdaftar dengan nomor HP atau email, kode sudah dikirim dan berlaku 10 menit."
                + "</p><form method=\"post\" action=\"" + LoginRateLimit.CODE_REQUEST + "/masuk\">"
                + LoginHtml.csrf(request) + "<label for=\"code\">Kode (6 angka)</label><input id=\"code\" name=\"code\""
                + " type=\"text\" inputmode=\"numeric\" pattern=\"[0-9]{6}\" autocomplete=\"one-time-code\" required>"
                + "<button type=\"submit\">Lanjut</button></form>"
                + "<p><a href=\"" + LoginRateLimit.CODE_REQUEST + "\">Minta kode baru</a></p>");
    }

    @PostMapping(LoginRateLimit.CODE_REQUEST + "/masuk")
    void useCode(HttpServletRequest request, HttpServletResponse response, @RequestParam String code)
            throws IOException {
        HttpSession session = request.getSession(false);
        String nik = session == null ? null : (String) session.getAttribute(NIK);
        Account account = nik == null ? null : accounts.findByLoginName(nik).filter(Account::resident).orElse(null);
        if (account == null) {
            response.sendRedirect(LoginRateLimit.CODE_REQUEST + "/masuk?error=code");
            return;
        }
        boolean ok = code.matches("\\d{6}") && account.useOneTimeCode(hash -> encoder.matches(code, hash),
                clock.instant());
        accounts.save(account);
        audit.record(account.id(), account.id(), ok ? "pin-code-used" : "pin-code-failed", null,
                request.getRemoteAddr());
        if (!ok) {
            response.sendRedirect(LoginRateLimit.CODE_REQUEST + "/masuk?error=code");
            return;
        }
        session.removeAttribute(NIK);
        FirstSignIn.awaitNewSecret(request, response, account);
    }
}
