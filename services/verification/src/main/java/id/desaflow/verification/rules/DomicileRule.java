package id.desaflow.verification.rules;

import id.desaflow.verification.registry.Resident;
import id.desaflow.verification.registry.ResidentStatus;
import org.springframework.stereotype.Component;

/** domisili-desa: the applicant is registered in the village the request goes to and has not moved away. */
@Component
class DomicileRule implements VerificationRule {

    @Override
    public String code() {
        return "domisili-desa";
    }

    @Override
    public Check check(Facts facts, RuleEntry entry) {
        Resident resident = facts.registered();
        if (!facts.submission().villageCode().equals(resident.villageCode())) {
            return Check.fail("NIK ini tidak terdaftar sebagai warga desa tujuan permohonan. Ajukan surat ke desa "
                    + "tempat Anda terdaftar, atau urus surat pindah terlebih dahulu.");
        }
        if (resident.status() == ResidentStatus.PINDAH) {
            return Check.fail("Menurut data kependudukan desa, Anda sudah tercatat pindah dari desa ini. Jika Anda "
                    + "kembali berdomisili di sini, silakan lapor ke kantor desa.");
        }
        return Check.pass("Pemohon terdaftar sebagai warga desa ini.");
    }
}
