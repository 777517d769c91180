package id.desaflow.verification.registry;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One person in the village population registry (penduduk), as the village office keeps it, with the audit trail
 * of every change. The NIK is national, so it identifies the entry across villages (a person who moves is updated,
 * not duplicated).
 */
@Document("penduduk")
@CompoundIndex(name = "village_name", def = "{'villageCode': 1, 'nameKey': 1}")
public class Resident {
    @Id
    private String id;
    @Indexed(unique = true)
    private String nik;
    private String villageCode;
    private String name;
    /** The name lower-cased without accents and punctuation, for search. */
    private String nameKey;
    @Indexed
    private String kkNumber;
    private String birthPlace;
    private LocalDate birthDate;
    private Sex sex;
    private String address;
    private String rt;
    private String rw;
    private String dusun;
    private ResidentStatus status;
    private FamilyRelation relation;
    private MaritalStatus maritalStatus;
    private String occupation;
    private Welfare welfare;
    private Instant updatedAt;
    private List<RegistryChange> history = new ArrayList<>();
    @Version
    private Long version;

    Resident() {
    }

    public Resident(String nik, String name, String kkNumber, String birthPlace, LocalDate birthDate, Sex sex,
            String address, String rt, String rw, String dusun, String villageCode, ResidentStatus status) {
        this.nik = nik;
        this.villageCode = villageCode;
        setName(name);
        this.kkNumber = kkNumber;
        this.birthPlace = birthPlace;
        this.birthDate = birthDate;
        this.sex = sex;
        this.address = address;
        this.rt = rt;
        this.rw = rw;
        this.dusun = dusun;
        this.status = status;
    }

    /** A new entry from imported or entered values; absent fields stay empty, the status defaults to HIDUP. */
    static Resident of(String nik, String villageCode, Map<ResidentField, Object> values, RegistryChange created) {
        Resident resident = new Resident();
        resident.nik = nik;
        resident.villageCode = villageCode;
        resident.status = ResidentStatus.HIDUP;
        resident.version = 0L; // written by a bulk insert, which does not initialise it as save() would
        values.forEach(resident::set);
        resident.updatedAt = created.at();
        resident.history.add(created);
        return resident;
    }

    /** Family relation, marital status, occupation and welfare, as the KK and the village's records say. */
    public Resident withFamilyData(FamilyRelation relation, MaritalStatus maritalStatus, String occupation,
            Welfare welfare) {
        this.relation = relation;
        this.maritalStatus = maritalStatus;
        this.occupation = occupation;
        this.welfare = welfare;
        return this;
    }

    /** The changes {@code values} would make (only fields whose value differs), in field order. */
    List<FieldChange> differences(String newVillageCode, Map<ResidentField, Object> values) {
        List<FieldChange> changes = new ArrayList<>();
        if (!Objects.equals(villageCode, newVillageCode)) {
            changes.add(new FieldChange("villageCode", villageCode, newVillageCode));
        }
        Map<ResidentField, Object> ordered = new EnumMap<>(ResidentField.class);
        ordered.putAll(values);
        ordered.forEach((field, value) -> {
            Object before = get(field);
            if (!Objects.equals(before, value)) {
                changes.add(new FieldChange(field.property(), ResidentField.display(before),
                        ResidentField.display(value)));
            }
        });
        return changes;
    }

    /**
     * Corrects the entry by hand; every changed field is audited with who, when and why.
     *
     * @return the changes made (empty if the values were already so: nothing is written then)
     */
    List<FieldChange> correct(Map<ResidentField, Object> values, String actor, String reason, Instant at) {
        List<FieldChange> changes = differences(villageCode, values);
        if (!changes.isEmpty()) {
            values.forEach(this::set);
            updatedAt = at;
            history.add(new RegistryChange(at, actor, RegistryChange.CORRECTION, null, reason, changes));
        }
        return changes;
    }

    public Object get(ResidentField field) {
        return switch (field) {
            case NAME -> name;
            case KK_NUMBER -> kkNumber;
            case BIRTH_PLACE -> birthPlace;
            case BIRTH_DATE -> birthDate;
            case SEX -> sex;
            case ADDRESS -> address;
            case RT -> rt;
            case RW -> rw;
            case DUSUN -> dusun;
            case STATUS -> status;
            case RELATION -> relation;
            case MARITAL_STATUS -> maritalStatus;
            case OCCUPATION -> occupation;
            case WELFARE -> welfare;
        };
    }

    private void set(ResidentField field, Object value) {
        switch (field) {
            case NAME -> setName((String) value);
            case KK_NUMBER -> kkNumber = (String) value;
            case BIRTH_PLACE -> birthPlace = (String) value;
            case BIRTH_DATE -> birthDate = (LocalDate) value;
            case SEX -> sex = (Sex) value;
            case ADDRESS -> address = (String) value;
            case RT -> rt = (String) value;
            case RW -> rw = (String) value;
            case DUSUN -> dusun = (String) value;
            case STATUS -> status = (ResidentStatus) value;
            case RELATION -> relation = (FamilyRelation) value;
            case MARITAL_STATUS -> maritalStatus = (MaritalStatus) value;
            case OCCUPATION -> occupation = (String) value;
            case WELFARE -> welfare = (Welfare) value;
        }
    }

    private void setName(String name) {
        this.name = name;
        this.nameKey = nameKey(name);
    }

    /** "Srí  WAHYUNI." and "sri wahyuni" have the same key. */
    public static String nameKey(String name) {
        if (name == null) {
            return null;
        }
        String plain = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} ]", "").replaceAll("\\s+", " ").strip();
    }

    public boolean alive() {
        return status != ResidentStatus.MENINGGAL;
    }

    String id() {
        return id;
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

    public FamilyRelation relation() {
        return relation;
    }

    public MaritalStatus maritalStatus() {
        return maritalStatus;
    }

    public String occupation() {
        return occupation;
    }

    public Welfare welfare() {
        return welfare;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public List<RegistryChange> history() {
        return List.copyOf(history);
    }

    Long version() {
        return version;
    }
}
