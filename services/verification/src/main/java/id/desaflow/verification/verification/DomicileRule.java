package id.desaflow.verification.verification;

import id.desaflow.contracts.events.CheckResult;
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
    public CheckResult check(Facts facts) {
        Resident resident = facts.registered();
        if (!resident.villageCode().equals(facts.submission().villageCode())) {
            return fail("NIK ini tidak terdaftar sebagai warga desa tujuan permohonan. Ajukan surat ke desa tempat "
                    + "Anda terdaftar, atau urus surat pindah terlebih dahulu.");
        }
        if (resident.status() == ResidentStatus.PINDAH) {
            return fail("Menurut data kependudukan desa, Anda sudah tercatat pindah dari desa ini. Jika Anda "
                    + "kembali berdomisili di sini, silakan lapor ke kantor desa.");
        }
        return pass("Pemohon berdomisili di Dusun " + resident.dusun() + ".");
    }
}
