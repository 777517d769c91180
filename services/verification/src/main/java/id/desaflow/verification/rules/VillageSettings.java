package id.desaflow.verification.rules;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Optional;

/**
 * What verification knows of each village besides its registry: its dusun ({@code desaflow.verification.villages[n]
 * .code / .dusun}). A village without an entry has its dusun checked only for being filled in.
 */
@ConfigurationProperties("desaflow.verification")
record VillageSettings(List<Village> villages) {

    record Village(String code, List<String> dusun) {
        Village {
            dusun = dusun == null ? List.of() : List.copyOf(dusun);
        }
    }

    VillageSettings {
        villages = villages == null ? List.of() : List.copyOf(villages);
    }

    Optional<Village> village(String code) {
        return villages.stream().filter(v -> v.code().equals(code)).findFirst();
    }
}
