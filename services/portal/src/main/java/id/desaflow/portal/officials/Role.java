package id.desaflow.portal.officials;

import java.util.Arrays;
import java.util.Optional;

/** The village officials who decide in the approval chain; {@code slug} is the candidate-group suffix. */
enum Role {
    OPERATOR("operator"), KASI_PELAYANAN("kasi-pelayanan"), SEKDES("sekdes"), KADES("kades");

    final String slug;

    Role(String slug) {
        this.slug = slug;
    }

    public String getSlug() {
        return slug;
    }

    String group(String villageCode) {
        return "desa:" + villageCode + ":" + slug;
    }

    /**
     * The demo official holding this role in Desa Beji, as the notification service's demo directory names them
     * ({@code demo-beji-<role>}); the seam identity replaces with the signed-in official's user id.
     */
    String demoOfficialId() {
        return "demo-beji-" + slug;
    }

    static Optional<Role> of(String slug) {
        return Arrays.stream(values()).filter(r -> r.slug.equals(slug)).findFirst();
    }
}
