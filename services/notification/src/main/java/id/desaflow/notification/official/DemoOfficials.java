package id.desaflow.notification.official;

import id.desaflow.contracts.events.OfficialChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The officials of the demo village Desa Beji ({@code desaflow.demo-seed=true}), so task notifications reach
 * someone before the identity service announces real accounts: one per role, and a kepala dusun per dusun. Mail
 * goes to {@code <role>@beji.desa.id} (e.g. sekdes@beji.desa.id, kadus-bandung-kidul@beji.desa.id), readable in
 * the local mail server. Identity's announcement of the same username replaces the stand-in.
 */
@Component
@ConditionalOnProperty(name = "desaflow.demo-seed", havingValue = "true")
class DemoOfficials implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(DemoOfficials.class);
    static final String VILLAGE = "3309012004";
    static final String DOMAIN = "beji.desa.id";
    /** Seed time: any real announcement from identity is newer. */
    private static final Instant SEEDED_AT = Instant.parse("2026-01-01T00:00:00Z");

    private final OfficialDirectory directory;

    DemoOfficials(OfficialDirectory directory) {
        this.directory = directory;
    }

    @Override
    public void run(ApplicationArguments args) {
        long added = officials().stream().filter(directory::seedIfAbsent).count();
        if (added > 0) {
            log.info("Seeded {} demo officials of Desa Beji", added);
        }
    }

    static List<OfficialChanged> officials() {
        List<OfficialChanged> officials = new ArrayList<>(List.of(
                official("kades", "Suyanto", "kades", null, "081100000001"),
                official("sekdes", "Sri Lestari", "sekdes", null, "081100000002"),
                official("kasi-pelayanan", "Bambang Wijaya", "kasi-pelayanan", null, "081100000003"),
                official("kasi-pemerintahan", "Dwi Hartono", "kasi-pemerintahan", null, "081100000004"),
                official("operator", "Rina Kusumawati", "operator", null, "081100000005")));
        String[][] dusun = {{"Beji", "Slamet Riyadi"}, {"Bulu", "Teguh Santoso"}, {"Candi", "Wahyu Nugroho"},
                {"Bandung", "Joko Purnomo"}, {"Bandung Kidul", "Agus Setiawan"}};
        for (int i = 0; i < dusun.length; i++) {
            String slug = dusun[i][0].toLowerCase(Locale.ROOT).replace(' ', '-');
            officials.add(official("kadus-" + slug, dusun[i][1], "kadus", dusun[i][0], "0811000001" + i + "0"));
        }
        return officials;
    }

    private static OfficialChanged official(String handle, String name, String role, String dusun, String phone) {
        return new OfficialChanged("demo-beji-" + handle, handle + ".beji", name, VILLAGE, List.of(role), dusun,
                handle + "@" + DOMAIN, phone, true, SEEDED_AT);
    }
}
