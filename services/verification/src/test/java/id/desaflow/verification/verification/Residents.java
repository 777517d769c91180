package id.desaflow.verification.verification;

import id.desaflow.contracts.events.Applicant;
import id.desaflow.verification.registry.Resident;
import id.desaflow.verification.registry.ResidentStatus;
import id.desaflow.verification.registry.Sex;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

/** Test data for rule tests: Sri Wahyuni of Dusun Beji, and requests about her. */
final class Residents {
    static final String BEJI = "3309012004";
    static final String SRI_NIK = "3309016108790002";

    static Resident sri(ResidentStatus status, String villageCode) {
        return new Resident(SRI_NIK, "Sri Wahyuni", "3309011504120001", "Boyolali", LocalDate.of(1979, 8, 21), Sex.P,
                "Dukuh Beji", "001", "001", "Beji", villageCode, status);
    }

    static Submission request(String name, String villageCode) {
        return new Submission("req-1", "SKU-ABC123", "surat-keterangan-usaha", villageCode, 0,
                new Applicant(SRI_NIK, name, "081234567890", null), Map.of("namaUsaha", "Warung Jamu"),
                Set.of("ktp", "pengantar-rt"));
    }

    static Facts facts(Resident resident) {
        return new Facts(request("Sri Wahyuni", BEJI), Optional.ofNullable(resident));
    }

    private Residents() {
    }
}
