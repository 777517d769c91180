package id.desaflow.verification.registry;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * A Kartu Keluarga (keluarga): its number, where the family lives and its head. Members are the residents carrying
 * the number, so membership has one source (the resident entry) and cannot disagree with it.
 */
@Document("keluarga")
public class Family {
    @Id
    private String kkNumber;
    @Indexed
    private String villageCode;
    private String dusun;
    private String rt;
    private String rw;
    private String address;
    private String headNik;
    private String headName;
    private Instant updatedAt;

    Family() {
    }

    public String kkNumber() {
        return kkNumber;
    }

    public String villageCode() {
        return villageCode;
    }

    public String dusun() {
        return dusun;
    }

    public String rt() {
        return rt;
    }

    public String rw() {
        return rw;
    }

    public String address() {
        return address;
    }

    public String headNik() {
        return headNik;
    }

    public String headName() {
        return headName;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
