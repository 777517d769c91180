package id.desaflow.verification.registry;

import java.time.Instant;
import java.time.LocalDate;

/** A registry entry as the village administrator sees and corrects it (the caller named the NIK). */
record ResidentDetail(String nik, String villageCode, String name, String kkNumber, String birthPlace,
        LocalDate birthDate, Sex sex, String address, String rt, String rw, String dusun, ResidentStatus status,
        boolean alive, FamilyRelation relation, MaritalStatus maritalStatus, String occupation, Welfare welfare,
        Instant updatedAt, int changes) {

    static ResidentDetail of(Resident r) {
        return new ResidentDetail(r.nik(), r.villageCode(), r.name(), r.kkNumber(), r.birthPlace(), r.birthDate(),
                r.sex(), r.address(), r.rt(), r.rw(), r.dusun(), r.status(), r.alive(), r.relation(),
                r.maritalStatus(), r.occupation(), r.welfare(), r.updatedAt(), r.history().size());
    }
}
