package id.desaflow.verification.registry;

import id.desaflow.platform.identity.Masking;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;

/** A search hit, for the counter's resident search: NIK and KK number masked unless the full NIK was asked for. */
record ResidentSummary(@Schema(example = "3309**********02") String nik, String name, LocalDate birthDate, Sex sex,
        String dusun, String rt, String rw, @Schema(example = "3309**********01") String kkNumber, boolean alive,
        ResidentStatus status) {

    static ResidentSummary of(Resident r, boolean unmasked) {
        return new ResidentSummary(unmasked ? r.nik() : Masking.nik(r.nik()), r.name(), r.birthDate(), r.sex(),
                r.dusun(), r.rt(), r.rw(), r.kkNumber() == null ? null : unmasked ? r.kkNumber()
                        : Masking.nik(r.kkNumber()), r.alive(), r.status());
    }
}
