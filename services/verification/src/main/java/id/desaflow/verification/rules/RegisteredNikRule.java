package id.desaflow.verification.rules;

import org.springframework.stereotype.Component;

/** nik-terdaftar: the applicant's NIK is in the population registry. */
@Component
class RegisteredNikRule implements VerificationRule {
    static final String CODE = "nik-terdaftar";

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public boolean needsResident() {
        return false;
    }

    @Override
    public Check check(Facts facts, RuleEntry entry) {
        return facts.resident().isPresent()
                ? Check.pass("NIK terdaftar di data kependudukan desa.")
                : Check.fail("NIK tidak ditemukan di data kependudukan desa. Periksa kembali NIK sesuai KTP atau "
                        + "Kartu Keluarga; jika sudah benar, silakan datang ke kantor desa untuk pemutakhiran data.");
    }
}
