package id.desaflow.contracts.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EventSchemasTest {
    static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");
    static final Applicant APPLICANT = new Applicant("3309014508900001", "Sri Wahyuni", "081234567890", null);

    static Record sample(EventType type) {
        return switch (type) {
            case REQUEST_SUBMITTED -> new RequestSubmitted("r1", "SKU-7K3M9Q", "surat-keterangan-usaha", "3309012004",
                    APPLICANT, Map.of("namaUsaha", "Warung Sri"), "ONLINE", NOW, List.of(new AttachmentRef("a1", "ktp",
                    "image/jpeg", 20480, "0".repeat(64))), List.of("pengantar-rt"));
            case REQUEST_REVISED -> new RequestRevised("r1", "SKU-7K3M9Q", "surat-keterangan-usaha", "3309012004", 1,
                    APPLICANT, Map.of("namaUsaha", "Warung Sri Rejeki"), NOW);
            case REQUEST_CANCELLED -> new RequestCancelled("r1", null, NOW);
            case LETTER_TYPE_CHANGED -> new LetterTypeChanged("3309012004", "surat-keterangan-usaha", 2,
                    "Surat Keterangan Usaha", "Business Certificate", "500", true,
                    List.of(new LetterTypeChanged.Field("namaUsaha", "Nama usaha", "Business name")),
                    List.of(new LetterTypeChanged.Document("ktp", "KTP pemohon", true)), "SURAT KETERANGAN USAHA",
                    "Orang tersebut di atas benar mempunyai usaha {namaUsaha}.", "admin.beji", NOW);
            case REQUEST_VERIFIED -> new RequestVerified("r1", "SKU-7K3M9Q", "surat-keterangan-usaha", "3309012004",
                    "Beji", 0, APPLICANT, Map.of(), List.of(new CheckResult("nik-terdaftar", true, "NIK terdaftar")), NOW,
                    RequestVerified.MANUAL_CHECK);
            case RETURNED_FOR_REVISION -> new RequestReturnedForRevision("r1", "SKU-7K3M9Q", "surat-keterangan-usaha",
                    "3309012004", 0, List.of(new CheckResult("lampiran-wajib", false, "Lampiran KTP belum ada")), NOW);
            case VERIFICATION_POSTPONED -> new VerificationPostponed("r1", "SKU-7K3M9Q", 0,
                    "Layanan Dukcapil sedang tidak dapat dihubungi", NOW);
            case TASK_DEADLINE_APPROACHED -> new ApprovalTaskDeadlineApproached("r1", "t1", "Paraf Sekdes", "sekdes",
                    "desa:3309012004:sekdes", "3309012004", "surat-keterangan-usaha", "SKU-7K3M9Q", NOW, NOW);
            case TASK_ESCALATED -> new ApprovalTaskEscalated("r1", "t1", "Paraf Sekdes", "sekdes",
                    "desa:3309012004:sekdes", "3309012004", "surat-keterangan-usaha", "SKU-7K3M9Q",
                    "desa:3309012004:kades", true, NOW, NOW);
            case LETTER_REVOKED -> new LetterRevoked("r1", "500/001/3309012004/XI/2026", "Data usaha tidak benar",
                    "admin.beji", NOW);
            case OFFICIAL_CHANGED -> new OfficialChanged("u1", "kadus.bulu", "Slamet", "3309012004", List.of("kadus"),
                    "Bulu", "slamet@beji.desa.id", "081200000001", true, NOW);
            case ONE_TIME_CODE_REQUESTED -> new OneTimeCodeRequested("warga-1", "SMS", "081234567890", "482913", "id",
                    NOW.plusSeconds(600), NOW);
            case VERIFICATION_FAILED -> new VerificationFailed("r1", "SKU-7K3M9Q", 0,
                    List.of(new CheckResult("nik-terdaftar", false, "NIK tidak terdaftar")), NOW);
            case TASK_CREATED -> new ApprovalTaskCreated("r1", "t1", "Pemeriksaan Kasi Pelayanan", "kasi-pelayanan",
                    "desa:3309012004:kasi-pelayanan", "3309012004", null, NOW, "surat-keterangan-usaha", "SKU-7K3M9Q");
            case TASK_COMPLETED -> new ApprovalTaskCompleted("r1", "t1", "Pemeriksaan Kasi Pelayanan", "kasi-pelayanan",
                    "APPROVE", null, null, NOW);
            case REVISION_REQUESTED -> new RevisionRequested("r1", "Pemeriksaan", "Foto usaha kurang jelas", NOW);
            case REQUEST_REJECTED -> new RequestRejected("r1", "Pemeriksaan", "Bukan warga desa", NOW);
            case LETTER_ISSUED -> new LetterIssued("r1", "500/001/3309012004/XI/2026", "surat-keterangan-usaha",
                    "3309012004", "Bambang", "Kepala Desa", NOW);
            case NOTIFICATION_DELIVERED -> new NotificationDelivered("r1", "n1", "EMAIL", "s***@e***.id",
                    "desaflow.request.submitted.v1", NOW);
            case NOTIFICATION_FAILED -> new NotificationFailed("r1", "n1", "EMAIL", "s***@e***.id",
                    "desaflow.request.submitted.v1", "mailbox unavailable", NOW);
        };
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeHasASchemaThatItsRecordSatisfies(EventType type) {
        Record event = sample(type);
        assertThat(EventType.forPayload(event.getClass())).isEqualTo(type);
        assertThat(EventSchemas.violations(type, EventJson.toBytes(event))).isEmpty();
    }

    @Test
    void schemaRefusesMalformedNikAndUnknownFields() {
        var bad = new RequestSubmitted("r1", "SKU-7K3M9Q", "surat-keterangan-usaha", "3309012004",
                new Applicant("12345", "Sri", null, null), Map.of(), "ONLINE", NOW);
        assertThat(EventSchemas.violations(EventType.REQUEST_SUBMITTED, EventJson.toBytes(bad)))
                .anyMatch(v -> v.contains("nik"));
        assertThat(EventSchemas.violations(EventType.REQUEST_CANCELLED,
                "{\"requestId\":\"r1\",\"reason\":null,\"cancelledAt\":\"2026-11-22T08:00:00Z\",\"nik\":\"x\"}".getBytes()))
                .isNotEmpty();
    }

    @Test
    void payloadsRoundTrip() {
        for (EventType type : EventType.values()) {
            Record event = sample(type);
            assertThat(EventJson.fromBytes(EventJson.toBytes(event), type.payloadType())).isEqualTo(event);
        }
    }

    @Test
    void asyncApiDocumentsEveryEventType() throws Exception {
        String asyncApi = java.nio.file.Files.readString(java.nio.file.Path.of("../asyncapi.yaml"));
        for (EventType type : EventType.values()) {
            assertThat(asyncApi).as(type.type()).contains("name: " + type.type())
                    .contains("schemas/" + type.type() + ".json")
                    .containsPattern("address: " + java.util.regex.Pattern.quote(type.topic()) + "\\R");
        }
    }
}
