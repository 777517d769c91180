package id.desaflow.verification.rules;

import id.desaflow.verification.registry.Resident;
import org.springframework.stereotype.Component;

/**
 * nama-sesuai: the name on the request is the registry's name, ignoring case, extra spaces, accents and punctuation
 * ("SRI  WAHYUNI" and "Sri Wahyuni." match). The message never reveals the registered name: whoever typed a
 * stranger's NIK must not learn that person's name.
 */
@Component
class NameMatchRule implements VerificationRule {

    @Override
    public String code() {
        return "nama-sesuai";
    }

    @Override
    public boolean readsSubmission() {
        return true;
    }

    @Override
    public Check check(Facts facts, RuleEntry entry) {
        return same(facts.submission().applicant().name(), facts.registered().name())
                ? Check.pass("Nama sesuai dengan data kependudukan.")
                : Check.fail("Nama yang diisi tidak sama dengan nama pada data kependudukan untuk NIK ini. Tulis nama "
                        + "lengkap persis seperti di KTP atau Kartu Keluarga, tanpa singkatan.");
    }

    private static boolean same(String written, String registered) {
        String a = Resident.nameKey(written);
        String b = Resident.nameKey(registered);
        // only letters and digits count: "M.Yusuf", "M. Yusuf" and "m yusuf" are the same name
        return a != null && b != null && a.replace(" ", "").equals(b.replace(" ", ""));
    }
}
