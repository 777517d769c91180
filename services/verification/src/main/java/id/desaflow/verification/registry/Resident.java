package id.desaflow.verification.registry;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;

/** One person in the village population registry (penduduk), as the village office keeps it. */
@Document("penduduk")
public class Resident {
    @Id
    private String id;
    @Indexed(unique = true)
    private String nik;
    private String name;
    private String kkNumber;
    private String birthPlace;
    private LocalDate birthDate;
    private Sex sex;
    private String address;
    private String rt;
    private String rw;
    private String dusun;
    @Indexed
    private String villageCode;
    private ResidentStatus status;

    Resident() {
    }

    public Resident(String nik, String name, String kkNumber, String birthPlace, LocalDate birthDate, Sex sex,
            String address, String rt, String rw, String dusun, String villageCode, ResidentStatus status) {
        this.nik = nik;
        this.name = name;
        this.kkNumber = kkNumber;
        this.birthPlace = birthPlace;
        this.birthDate = birthDate;
        this.sex = sex;
        this.address = address;
        this.rt = rt;
        this.rw = rw;
        this.dusun = dusun;
        this.villageCode = villageCode;
        this.status = status;
    }

    /** Takes over the registry identity of {@code existing} so that saving this replaces it (upsert by NIK). */
    Resident replacing(Resident existing) {
        this.id = existing.id;
        return this;
    }

    public String nik() {
        return nik;
    }

    public String name() {
        return name;
    }

    public String kkNumber() {
        return kkNumber;
    }

    public String birthPlace() {
        return birthPlace;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public Sex sex() {
        return sex;
    }

    public String address() {
        return address;
    }

    public String rt() {
        return rt;
    }

    public String rw() {
        return rw;
    }

    public String dusun() {
        return dusun;
    }

    public String villageCode() {
        return villageCode;
    }

    public ResidentStatus status() {
        return status;
    }
}
