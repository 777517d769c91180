package id.desaflow.verification;

import id.desaflow.verification.registry.FamilyRelation;
import id.desaflow.verification.registry.MaritalStatus;
import id.desaflow.verification.registry.Resident;
import id.desaflow.verification.registry.ResidentStatus;
import id.desaflow.verification.registry.Sex;
import id.desaflow.verification.registry.Welfare;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Residents for tests: each with a NIK and KK number of its own (valid structure, birth date and sex encoded), so
 * tests do not share state such as "an open request of this type by this NIK". Defaults: an adult head of family
 * in Dusun Beji of Desa Beji, alive, married, middle welfare.
 */
public final class TestResidents {
    public static final String BEJI = "3309012004";
    /** Sequence numbers 1000-9999: the demo seed uses 0001-0044. */
    private static final AtomicInteger SEQUENCE = new AtomicInteger(1000 + ThreadLocalRandom.current().nextInt(3000));

    public static Builder resident(String name) {
        return new Builder(name);
    }

    /** A NIK of the demo district (Kec. Andong, 330901) for this birth date and sex. */
    public static String nik(LocalDate born, boolean female) {
        int day = born.getDayOfMonth() + (female ? 40 : 0);
        return "330901%02d%02d%02d%04d".formatted(day, born.getMonthValue(), born.getYear() % 100,
                SEQUENCE.getAndIncrement());
    }

    public static String kkNumber() {
        return "330901%010d".formatted(SEQUENCE.getAndIncrement());
    }

    public static final class Builder {
        private final String name;
        private LocalDate born = LocalDate.of(1985, 5, 19);
        private Sex sex = Sex.L;
        private String kk = kkNumber();
        private String village = BEJI;
        private String dusun = "Beji";
        private String rt = "001";
        private String rw = "001";
        private ResidentStatus status = ResidentStatus.HIDUP;
        private FamilyRelation relation = FamilyRelation.KEPALA_KELUARGA;
        private MaritalStatus marital = MaritalStatus.KAWIN;
        private Welfare welfare = Welfare.MENENGAH;

        private Builder(String name) {
            this.name = name;
        }

        public Builder born(LocalDate born) {
            this.born = born;
            return this;
        }

        public Builder female() {
            this.sex = Sex.P;
            return this;
        }

        public Builder kk(String kk) {
            this.kk = kk;
            return this;
        }

        public Builder village(String village) {
            this.village = village;
            return this;
        }

        public Builder dusun(String dusun) {
            this.dusun = dusun;
            return this;
        }

        public Builder rtRw(String rt, String rw) {
            this.rt = rt;
            this.rw = rw;
            return this;
        }

        public Builder status(ResidentStatus status) {
            this.status = status;
            return this;
        }

        public Builder relation(FamilyRelation relation) {
            this.relation = relation;
            return this;
        }

        public Builder marital(MaritalStatus marital) {
            this.marital = marital;
            return this;
        }

        public Builder welfare(Welfare welfare) {
            this.welfare = welfare;
            return this;
        }

        public Resident build() {
            // a resident without a recorded birth date still has one in the NIK
            String number = nik(born == null ? LocalDate.of(1985, 5, 19) : born, sex == Sex.P);
            return new Resident(number, name, kk, "Boyolali", born, sex, "Dukuh " + dusun, rt, rw, dusun, village,
                    status).withFamilyData(relation, marital, "Petani", welfare);
        }
    }

    private TestResidents() {
    }
}
