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
                    APPLICANT, Map.of("namaUsaha", "Warung Sri"), "ONLINE", NOW);
            case REQUEST_REVISED -> new RequestRevised("r1", "SKU-7K3M9Q", "surat-keterangan-usaha", "3309012004", 1,
                    APPLICANT, Map.of("namaUsaha", "Warung Sri Rejeki"), NOW);
            case REQUEST_CANCELLED -> new RequestCancelled("r1", null, NOW);
            case REQUEST_VERIFIED -> new RequestVerified("r1", "SKU-7K3M9Q", "surat-keterangan-usaha", "3309012004",
                    "Beji", 0, APPLICANT, Map.of(), List.of(new CheckResult("nik-terdaftar", true, "NIK terdaftar")), NOW);
            case VERIFICATION_FAILED -> new VerificationFailed("r1", "SKU-7K3M9Q", 0,
                    List.of(new CheckResult("nik-terdaftar", false, "NIK tidak terdaftar")), NOW);
            case TASK_CREATED -> new ApprovalTaskCreated("r1", "t1", "Pemeriksaan Kasi Pelayanan", "kasi-pelayanan",
                    "desa:3309012004:kasi-pelayanan", "3309012004", null, NOW);
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
}
