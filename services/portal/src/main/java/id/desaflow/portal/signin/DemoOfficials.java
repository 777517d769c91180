package id.desaflow.portal.signin;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Optional;

/**
 * The officials the "Masuk sebagai" picker offers until the identity service signs officials in; the same ids
 * (demo-beji-...) as identity's and notification's demo directories, so in-app messages reach them.
 */
@ConfigurationProperties("desaflow.portal")
public record DemoOfficials(String villageCode, List<Entry> officials) {

    public DemoOfficials {
        officials = officials == null ? List.of() : List.copyOf(officials);
    }

    public record Entry(String id, String name, String role, String dusun) {
    }

    public List<Official> all() {
        return officials.stream().map(e -> new Official(e.id(), e.name(), e.role(), e.dusun(), villageCode)).toList();
    }

    public Optional<Official> find(String id) {
        return all().stream().filter(o -> o.id().equals(id)).findFirst();
    }
}
