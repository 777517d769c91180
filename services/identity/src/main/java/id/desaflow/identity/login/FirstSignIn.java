package id.desaflow.identity.login;

import id.desaflow.identity.account.Account;
import id.desaflow.identity.account.Accounts;
import id.desaflow.identity.account.PasswordPolicy;
import id.desaflow.identity.audit.AuditTrail;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import java.io.IOException;

/**
 * A secret someone else has seen (a PIN issued at the counter, an official's first password from the administrator,
 * a one-time code): until its owner chooses a new one, the sign-in is NOT completed (no authenticated session, so
 * no token can be issued), only the page to choose it is open: {@value #NEW_PIN} for residents,
 * {@value #NEW_PASSWORD} for officials.
 */
@Controller
public class FirstSignIn extends SavedRequestAwareAuthenticationSuccessHandler {

    static final String PENDING = FirstSignIn.class.getName() + ".account";
    static final String NEW_PIN = "/login/pin-baru";
    static final String NEW_PASSWORD = "/login/sandi-baru";
    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final UserDetailsService users;
    private final AuditTrail audit;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    FirstSignIn(Accounts accounts, PasswordEncoder encoder, UserDetailsService users, AuditTrail audit) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.users = users;
        this.audit = audit;
    }

    /** The person proved who they are but must choose their own secret before the sign-in completes. */
    static void awaitNewSecret(HttpServletRequest request, HttpServletResponse response, Account account)
            throws IOException {
        SecurityContextHolder.clearContext();
        request.getSession().setAttribute(PENDING, account.id());
        response.sendRedirect(account.resident() ? NEW_PIN : NEW_PASSWORD);
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException, jakarta.servlet.ServletException {
        Account account = accounts.findByLoginName(authentication.getName()).orElseThrow();
        if (account.mustChangeSecret()) {
            contexts.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
            awaitNewSecret(request, response, account);
            return;
        }
        super.onAuthenticationSuccess(request, response, authentication);
    }

    @GetMapping(value = NEW_PIN, produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String form(HttpServletRequest request, @RequestParam(required = false) String error) {
        return LoginHtml.page("Buat PIN baru", (error == null ? "" : LoginHtml.alert(
                "PIN harus 6 angka, sama di kedua kolom, dan berbeda dari PIN lama."))
                + "<p>PIN dari kantor desa atau kode sekali pakai hanya untuk masuk kali ini. Pilih 6 angka yang "
                + "hanya Anda ketahui.</p><form method=\"post\" action=\"" + NEW_PIN + "\">" + LoginHtml.csrf(request)
                + "<label for=\"pin\">PIN baru (6 angka)</label><input id=\"pin\" name=\"pin\" type=\"password\""
                + " inputmode=\"numeric\" pattern=\"[0-9]{6}\" autocomplete=\"new-password\" required>"
                + "<label for=\"pin2\">Ulangi PIN baru</label><input id=\"pin2\" name=\"pin2\" type=\"password\""
                + " inputmode=\"numeric\" pattern=\"[0-9]{6}\" autocomplete=\"new-password\" required>"
                + "<button type=\"submit\">Simpan PIN</button></form>");
    }

    @PostMapping(NEW_PIN)
    void change(HttpServletRequest request, HttpServletResponse response, @RequestParam String pin,
            @RequestParam String pin2) throws Exception {
        Account account = pending(request, response, true);
        if (account == null) {
            return;
        }
        if (!pin.matches("\\d{6}") || !pin.equals(pin2) || encoder.matches(pin, account.secretHash())) {
            response.sendRedirect(NEW_PIN + "?error=pin");
            return;
        }
        complete(request, response, account, pin, "pin-changed");
    }

    @GetMapping(value = NEW_PASSWORD, produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String passwordForm(HttpServletRequest request) {
        return passwordPage(request, null);
    }

    /** A refusal answers the form again with the reason (never the typed password), nothing changed. */
    @PostMapping(NEW_PASSWORD)
    ResponseEntity<String> changePassword(HttpServletRequest request, HttpServletResponse response,
            @RequestParam String password, @RequestParam String password2) throws Exception {
        Account account = pending(request, response, false);
        if (account == null) {
            return null;
        }
        String problem = PasswordPolicy.problem(password, account.loginName()).orElse(null);
        if (problem == null && !password.equals(password2)) {
            problem = "Kedua kolom kata sandi tidak sama.";
        }
        if (problem == null && encoder.matches(password, account.secretHash())) {
            problem = "Kata sandi baru harus berbeda dari kata sandi dari admin.";
        }
        if (problem != null) {
            return ResponseEntity.badRequest().contentType(MediaType.TEXT_HTML).body(passwordPage(request, problem));
        }
        complete(request, response, account, password, "password-changed");
        return null;
    }

    private static String passwordPage(HttpServletRequest request, String problem) {
        return LoginHtml.page("Buat kata sandi baru", (problem == null ? "" : LoginHtml.alert(problem))
                + "<p>Kata sandi dari admin desa hanya untuk masuk kali ini. Pilih kata sandi yang hanya Anda "
                + "ketahui.</p><form method=\"post\" action=\"" + NEW_PASSWORD + "\">" + LoginHtml.csrf(request)
                + "<label for=\"password\">Kata sandi baru</label><input id=\"password\" name=\"password\""
                + " type=\"password\" minlength=\"" + PasswordPolicy.MIN_LENGTH + "\" maxlength=\""
                + PasswordPolicy.MAX_LENGTH + "\" autocomplete=\"new-password\" aria-describedby=\"aturan\" required>"
                + "<p id=\"aturan\">" + PasswordPolicy.RULE + "</p>"
                + "<label for=\"password2\">Ulangi kata sandi baru</label><input id=\"password2\" name=\"password2\""
                + " type=\"password\" autocomplete=\"new-password\" required>"
                + "<button type=\"submit\">Simpan kata sandi</button></form>");
    }

    /**
     * The account waiting in this session for a new secret of the kind the page is for; else the person is sent
     * to where they belong (the sign-in page, or the other kind's page) and null is returned.
     */
    private Account pending(HttpServletRequest request, HttpServletResponse response, boolean resident)
            throws IOException {
        HttpSession session = request.getSession(false);
        String accountId = session == null ? null : (String) session.getAttribute(PENDING);
        Account account = accountId == null ? null : accounts.findById(accountId).orElse(null);
        if (account == null) {
            response.sendRedirect(resident ? "/login/warga" : "/login");
            return null;
        }
        if (account.resident() != resident) {
            response.sendRedirect(account.resident() ? NEW_PIN : NEW_PASSWORD);
            return null;
        }
        return account;
    }

    /** Stores the new secret, then completes the sign-in the first secret started (back to the client). */
    private void complete(HttpServletRequest request, HttpServletResponse response, Account account,
            String newSecret, String auditAction) throws Exception {
        account.changeSecret(encoder.encode(newSecret));
        accounts.save(account);
        audit.record(account.id(), account.id(), auditAction, null, request.getRemoteAddr());
        request.getSession().removeAttribute(PENDING);
        request.changeSessionId(); // the pre-sign-in session id must not become the signed-in one
        var user = users.loadUserByUsername(account.loginName());
        if (user instanceof CredentialsContainer c) {
            c.eraseCredentials(); // like a form sign-in: the hash must not travel into the stored authorization
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        super.onAuthenticationSuccess(request, response, context.getAuthentication());
    }
}
