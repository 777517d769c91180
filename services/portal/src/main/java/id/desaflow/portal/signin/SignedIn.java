package id.desaflow.portal.signin;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.user.OAuth2User;

import java.util.List;
import java.util.Optional;

/**
 * Who signed in at the identity service, read from the claims it vouched for (the same DesaFlow claims the services
 * read from the access token): a resident carries {@code nik}, an official {@code village}, {@code roles} and, for a
 * kadus, {@code dusun}.
 */
final class SignedIn {
    static final String RESIDENT_ROLE = "warga";

    private SignedIn() {
    }

    static Optional<OAuth2User> user() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof OAuth2AuthenticationToken token ? Optional.of(token.getPrincipal())
                : Optional.empty();
    }

    static boolean isResident(OAuth2User user) {
        return roles(user).contains(RESIDENT_ROLE);
    }

    static Optional<String> residentNik() {
        return user().filter(SignedIn::isResident).map(u -> u.<String>getAttribute("nik"));
    }

    static Optional<Official> official() {
        return user().filter(u -> !isResident(u)).flatMap(u -> roles(u).stream().findFirst().map(role -> {
            String village = u.getAttribute("village");
            if (village == null) {
                List<String> villages = u.getAttribute("villages");
                village = villages == null || villages.isEmpty() ? null : villages.get(0);
            }
            String name = u.getAttribute("name");
            return new Official(u.getName(), name == null ? u.getName() : name, role, u.getAttribute("dusun"), village);
        }));
    }

    private static List<String> roles(OAuth2User user) {
        List<String> roles = user.getAttribute("roles");
        return roles == null ? List.of() : roles;
    }
}
