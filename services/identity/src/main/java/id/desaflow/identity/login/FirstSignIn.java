package id.desaflow.identity.login;

import id.desaflow.identity.account.Account;
import id.desaflow.identity.account.Accounts;
import id.desaflow.identity.audit.AuditTrail;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.MediaType;
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
 * A PIN issued at the counter was seen by the operator: until the resident chooses a new one, the sign-in is NOT
 * completed (no authenticated session, so no token can be issued), only the PIN change page is open.
 */
@Controller
public class FirstSignIn extends SavedRequestAwareAuthenticationSuccessHandler {

    static final String PENDING = FirstSignIn.class.getName() + ".account";
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

    /** The resident proved who they are but must choose a PIN before the sign-in completes. */
    static void awaitNewPin(HttpServletRequest request, HttpServletResponse response, Account account)
            throws IOException {
        SecurityContextHolder.clearContext();
        request.getSession().setAttribute(PENDING, account.id());
        response.sendRedirect("/login/pin-baru");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException, jakarta.servlet.ServletException {
        Account account = accounts.findByLoginName(authentication.getName()).orElseThrow();
        if (account.mustChangeSecret()) {
            contexts.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
            awaitNewPin(request, response, account);
            return;
        }
        super.onAuthenticationSuccess(request, response, authentication);
    }

    @GetMapping(value = "/login/pin-baru", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String form(HttpServletRequest request, @RequestParam(required = false) String error) {
        return LoginHtml.page("Buat PIN baru", (error == null ? "" : LoginHtml.alert(
                "PIN harus 6 angka, sama di kedua kolom, dan berbeda dari PIN lama."))
                + "<p>PIN dari kantor desa atau kode sekali pakai hanya untuk masuk kali ini. Pilih 6 angka yang "
                + "hanya Anda ketahui.</p><form method=\"post\" action=\"/login/pin-baru\">" + LoginHtml.csrf(request)
                + "<label for=\"pin\">PIN baru (6 angka)</label><input id=\"pin\" name=\"pin\" type=\"password\""
                + " inputmode=\"numeric\" pattern=\"[0-9]{6}\" autocomplete=\"new-password\" required>"
                + "<label for=\"pin2\">Ulangi PIN baru</label><input id=\"pin2\" name=\"pin2\" type=\"password\""
                + " inputmode=\"numeric\" pattern=\"[0-9]{6}\" autocomplete=\"new-password\" required>"
                + "<button type=\"submit\">Simpan PIN</button></form>");
    }

    @PostMapping("/login/pin-baru")
    void change(HttpServletRequest request, HttpServletResponse response, @RequestParam String pin,
            @RequestParam String pin2) throws Exception {
        HttpSession session = request.getSession(false);
        String accountId = session == null ? null : (String) session.getAttribute(PENDING);
        Account account = accountId == null ? null : accounts.findById(accountId).orElse(null);
        if (account == null) {
            response.sendRedirect("/login/warga");
            return;
        }
        if (!pin.matches("\\d{6}") || !pin.equals(pin2) || encoder.matches(pin, account.secretHash())) {
            response.sendRedirect("/login/pin-baru?error=pin");
            return;
        }
        account.changeSecret(encoder.encode(pin));
        accounts.save(account);
        audit.record(account.id(), account.id(), "pin-changed", null, request.getRemoteAddr());
        session.removeAttribute(PENDING);
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
