package id.desaflow.verification.verification;

import id.desaflow.contracts.events.CheckResult;
import org.springframework.stereotype.Component;

import java.text.Normalizer;
import java.util.Locale;

/**
 * nama-sesuai: the name on the request is the registry's name, ignoring case, extra spaces and punctuation
 * ("SRI  WAHYUNI" and "Sri Wahyuni." match). The message never reveals the registered name: whoever typed a
 * stranger's NIK must not learn that person's name.
 */
@Component
class NameMatchRule implements VerificationRule {

    @Override
    public String code() {
        return "nama-sesuai";
    }

    /** A misspelt or shortened name is the resident's to correct. */
    @Override
    public Outcome onFailure() {
        return Outcome.NEEDS_REVISION;
    }

    @Override
    public CheckResult check(Facts facts) {
        return normalise(facts.submission().applicant().name()).equals(normalise(facts.registered().name()))
                ? pass("Nama sesuai dengan data kependudukan.")
                : fail("Nama yang diisi tidak sama dengan nama pada data kependudukan untuk NIK ini. Tulis nama "
                        + "lengkap persis seperti di KTP atau Kartu Keluarga, tanpa singkatan.");
    }

    static String normalise(String name) {
        String plain = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "");
        // only letters and digits count: "M.Yusuf", "M. Yusuf" and "m yusuf" are the same name
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
