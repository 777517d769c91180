package id.desaflow.identity.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Demo accounts ({@code desaflow.demo-seed=true}), listed in the README. Usernames and ids of Desa Beji's officials
 * are the ones the notification service seeds as stand-ins, so identity's OfficialChanged replaces them.
 */
@Component
@ConditionalOnProperty(name = "desaflow.demo-seed", havingValue = "true")
class DemoAccounts implements ApplicationRunner {

    static final String PASSWORD = "Desa-Beji-2026!";
    static final String BEJI = "3309012004";
    static final String SEMPU = "3309012005";
    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final Clock clock;

    DemoAccounts(Accounts accounts, PasswordEncoder encoder, Clock clock) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        String hash = encoder.encode(PASSWORD);
        List<Account> demo = new ArrayList<>();
        String[][] beji = {{"kades", "Suyanto"}, {"sekdes", "Sri Lestari"}, {"kasi-pelayanan", "Bambang Wijaya"},
                {"kasi-pemerintahan", "Dwi Hartono"}, {"operator", "Rina Kusumawati"}, {"rt", "Sutrisno"},
                {"rw", "Mulyadi"}, {"admin-desa", "Admin Desa Beji"}};
        for (String[] o : beji) {
            String handle = o[0].equals("admin-desa") ? "admin" : o[0];
            demo.add(Account.official("demo-beji-" + handle, handle + ".beji", o[1], hash, BEJI, List.of(o[0]), null,
                    handle + "@beji.desa.id", null, clock.instant()));
        }
        String[][] dusun = {{"Beji", "Slamet Riyadi"}, {"Bulu", "Teguh Santoso"}, {"Candi", "Wahyu Nugroho"},
                {"Bandung", "Joko Purnomo"}, {"Bandung Kidul", "Agus Setiawan"}};
        for (String[] d : dusun) {
            String handle = "kadus-" + d[0].toLowerCase(Locale.ROOT).replace(' ', '-');
            demo.add(Account.official("demo-beji-" + handle, handle + ".beji", d[1], hash, BEJI, List.of("kadus"),
                    d[0], handle + "@beji.desa.id", null, clock.instant()));
        }
        demo.add(Account.official("demo-sempu-admin", "admin.sempu", "Admin Desa Sempu", hash, SEMPU,
                List.of("admin-desa"), null, "admin@sempu.desa.id", null, clock.instant()));
        demo.add(Account.official("demo-sempu-sekdes", "sekdes.sempu", "Sekdes Sempu", hash, SEMPU,
                List.of("sekdes"), null, "sekdes@sempu.desa.id", null, clock.instant()));
        demo.add(Account.kecamatanAdmin("demo-andong-admin", "admin.andong", "Admin Kecamatan Andong", hash, "330901",
                List.of(BEJI, SEMPU), "admin@andong.kec.id"));
        demo.add(Account.resident("demo-warga-sri", "3309016108790002", "Sri Wahyuni", encoder.encode("246810"),
                BEJI, false, "081234567890", "sri.wahyuni@example.id"));
        demo.add(Account.resident("demo-warga-suparno", "3309010210740043", "Suparno", encoder.encode("135790"),
                BEJI, false, null, null));
        // the resident the counter journey enters a letter for (he may withdraw it himself)
        demo.add(Account.resident("demo-warga-sutrisno", "3309011203750001", "Sutrisno", encoder.encode("975310"),
                BEJI, false, null, null));
        long added = demo.stream().filter(a -> accounts.findByLoginName(a.loginName()).isEmpty())
                .peek(accounts::save).count();
        if (added > 0) {
            log.info("Seeded {} demo accounts", added);
        }
    }
}
