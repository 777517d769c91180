package id.desaflow.identity.account;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import java.time.Clock;

/** Officials sign in with their username, residents with their NIK: both are the account's login name. */
@Component
class AccountUserDetails implements UserDetailsService {

    private final Accounts accounts;
    private final Clock clock;

    AccountUserDetails(Accounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String loginName) {
        Account a = accounts.findByLoginName(loginName.trim())
                .orElseThrow(() -> new UsernameNotFoundException("unknown"));
        return User.withUsername(a.loginName())
                .password(a.secretHash())
                .disabled(!a.active())
                .accountLocked(a.lockedAt(clock.instant()))
                .authorities(a.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList())
                .build();
    }
}
