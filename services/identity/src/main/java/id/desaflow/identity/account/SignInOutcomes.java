package id.desaflow.identity.account;

import id.desaflow.identity.audit.AuditTrail;
import id.desaflow.platform.identity.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import java.time.Clock;

/** Counts failed sign-ins per account (lock-out after five), resets the count on success, audits both. */
@Component
class SignInOutcomes {

    private static final Logger log = LoggerFactory.getLogger(SignInOutcomes.class);
    private final Accounts accounts;
    private final AuditTrail audit;
    private final Clock clock;

    SignInOutcomes(Accounts accounts, AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String typed = String.valueOf(event.getAuthentication().getPrincipal()).trim();
        var account = accounts.findByLoginName(typed);
        if (account.isEmpty()) {
            // no account to file it under: kept with the typed name masked (it may be a NIK)
            audit.record(null, null, "sign-in-failed", "unknown login " + Masking.nik(typed),
                    ip(event.getAuthentication()));
            return;
        }
        account.ifPresent(a -> {
            if (event instanceof AuthenticationFailureBadCredentialsEvent) {
                a.signInFailed(clock.instant());
                accounts.save(a);
            }
            audit.record(a.id(), a.id(), "sign-in-failed", event.getException().getClass().getSimpleName(),
                    ip(event.getAuthentication()));
            // the account id, never the login name: for residents that is a NIK
            log.info("sign-in failed account={}", a.id());
        });
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken)) {
            return;
        }
        accounts.findByLoginName(event.getAuthentication().getName()).ifPresent(a -> {
            a.signedIn();
            accounts.save(a);
            audit.record(a.id(), a.id(), "sign-in", null, ip(event.getAuthentication()));
            log.info("signed in account={}", a.id());
        });
    }

    private static String ip(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
    }
}
