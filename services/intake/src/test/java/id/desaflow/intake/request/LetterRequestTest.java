package id.desaflow.intake.request;

import id.desaflow.contracts.events.Applicant;
import id.desaflow.contracts.events.ApprovalTaskCompleted;
import id.desaflow.contracts.events.ApprovalTaskCreated;
import id.desaflow.contracts.events.CheckResult;
import id.desaflow.contracts.events.EventJson;
import id.desaflow.contracts.events.EventSchemas;
import id.desaflow.contracts.events.EventType;
import id.desaflow.contracts.events.LetterIssued;
import id.desaflow.contracts.events.NotificationDelivered;
import id.desaflow.contracts.events.RequestRejected;
import id.desaflow.contracts.events.RequestRevised;
import id.desaflow.contracts.events.RequestVerified;
import id.desaflow.contracts.events.RevisionRequested;
import id.desaflow.contracts.events.VerificationFailed;
import id.desaflow.platform.outbox.OutboxMessage;
import id.desaflow.platform.web.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LetterRequestTest {
    private static final Instant T0 = Instant.parse("2026-11-20T01:00:00Z");
    private static final String ID = "6f1c2b9e-0000-4000-8000-000000000001";
    private static final Applicant SRI = new Applicant("3309014508900001", "Sri Rahayu", "081234567890", null);
    private static final Map<String, String> DATA = Map.of("namaUsaha", "Warung Sri", "jenisUsaha", "Kuliner",
            "alamatUsaha", "Dusun Bulu", "keperluan", "KUR");

    private final LetterRequest request = LetterRequest.submit(ID, "SKU-7K3M9Q", "surat-keterangan-usaha",
            "3309012004", SRI, DATA, Channel.ONLINE, "demo", T0);

    @Test
    void submissionStartsAtDiajukanAndPublishesAValidRequestSubmitted() {
        assertThat(request.status()).isEqualTo(RequestStatus.DIAJUKAN);
        assertThat(request.revision()).isZero();
        assertThat(request.timeline()).extracting(TimelineEntry::code).containsExactly("SUBMITTED");
        assertThat(request.pendingEvents()).singleElement().satisfies(m -> {
            assertThat(m.type()).isEqualTo(EventType.REQUEST_SUBMITTED.type());
            assertThat(m.key()).isEqualTo(ID);
            assertConforms(m);
        });
    }

    @Test
    void walksTheHappyPath() {
        assertThat(request.on(id(), verified(0))).isTrue();
        assertThat(request.status()).isEqualTo(RequestStatus.MENUNGGU_PERSETUJUAN);
        request.on(id(), task("kasi-pelayanan"));
        assertThat(request.status()).isEqualTo(RequestStatus.MENUNGGU_PERSETUJUAN);
        request.on(id(), task("sekdes"));
        request.on(id(), task("kades"));
        assertThat(request.status()).isEqualTo(RequestStatus.MENUNGGU_TANDA_TANGAN);
        request.on(id(), issued());

        assertThat(request.status()).isEqualTo(RequestStatus.SELESAI);
        assertThat(request.letterNumber()).isEqualTo("500/001/3309012004/XI/2026");
        assertThat(request.timeline()).extracting(TimelineEntry::text).containsExactly(
                "Permohonan diajukan secara daring", "Data permohonan terverifikasi",
                "Menunggu persetujuan Kasi Pelayanan", "Menunggu persetujuan Sekretaris Desa",
                "Menunggu tanda tangan Kepala Desa",
                "Surat selesai dengan nomor 500/001/3309012004/XI/2026, ditandatangani Kepala Desa");
    }

    @Test
    void revisionRoundTripPublishesAFullSnapshot() {
        request.on(id(), verified(0));
        request.on(id(), new RevisionRequested(ID, "Persetujuan Kasi Pelayanan", "Lengkapi alamat", at(5)));
        assertThat(request.status()).isEqualTo(RequestStatus.PERLU_PERBAIKAN);
        assertThat(request.revisionComment()).isEqualTo("Lengkapi alamat");

        request.revise(Map.of("namaUsaha", "Warung Sri", "jenisUsaha", "Kuliner", "alamatUsaha",
                "Dusun Bulu RT 2", "keperluan", "KUR"), at(6));

        assertThat(request.status()).isEqualTo(RequestStatus.DIAJUKAN);
        assertThat(request.revision()).isEqualTo(1);
        assertThat(request.revisionComment()).isNull();
        OutboxMessage revised = request.pendingEvents().get(1);
        assertConforms(revised);
        RequestRevised payload = EventJson.fromBytes(bytes(revised), RequestRevised.class);
        assertThat(payload.revision()).isEqualTo(1);
        assertThat(payload.applicant()).isEqualTo(SRI);
        assertThat(payload.data()).containsEntry("alamatUsaha", "Dusun Bulu RT 2");

        request.on(id(), verified(1));
        assertThat(request.status()).isEqualTo(RequestStatus.MENUNGGU_PERSETUJUAN);
    }

    @ParameterizedTest
    @EnumSource(value = RequestStatus.class, names = "PERLU_PERBAIKAN", mode = EnumSource.Mode.EXCLUDE)
    void reviseIsRefusedUnlessARevisionWasAskedFor(RequestStatus status) {
        LetterRequest r = inStatus(status);

        assertThatThrownBy(() -> r.revise(DATA, at(9))).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status().value()).isEqualTo(409);
            assertThat(e.getMessage()).contains("Perlu perbaikan", status.label());
        });
        assertThat(r.status()).isEqualTo(status);
    }

    @ParameterizedTest
    @EnumSource(value = RequestStatus.class, names = {"SELESAI", "DITOLAK", "DIBATALKAN"})
    void cancelIsRefusedOnceFinished(RequestStatus status) {
        LetterRequest r = inStatus(status);
        int events = r.pendingEvents().size();

        assertThatThrownBy(() -> r.cancel(null, at(9))).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status().value()).isEqualTo(409);
            assertThat(e.getMessage()).isEqualTo("Permohonan berstatus \"" + status.label()
                    + "\" tidak dapat dibatalkan");
        });
        assertThat(r.pendingEvents()).hasSize(events);
    }

    @ParameterizedTest
    @EnumSource(value = RequestStatus.class, names = {"DIAJUKAN", "PERLU_PERBAIKAN", "MENUNGGU_PERSETUJUAN",
            "MENUNGGU_TANDA_TANGAN"})
    void cancelIsAllowedUntilFinished(RequestStatus status) {
        LetterRequest r = inStatus(status);

        r.cancel("Sudah tidak perlu", at(9));

        assertThat(r.status()).isEqualTo(RequestStatus.DIBATALKAN);
        OutboxMessage cancelled = r.pendingEvents().get(r.pendingEvents().size() - 1);
        assertThat(cancelled.type()).isEqualTo(EventType.REQUEST_CANCELLED.type());
        assertConforms(cancelled);
        assertThat(r.timeline()).last().satisfies(e -> assertThat(e.detail()).isNull());
    }

    @Test
    void aRedeliveredEventHasNoSecondEffect() {
        String eventId = id();
        assertThat(request.on(eventId, verified(0))).isTrue();
        assertThat(request.on(eventId, verified(0))).isFalse();
        assertThat(request.timeline()).hasSize(2);
    }

    @Test
    void aTaskCreatedBeforeTheVerificationArrivesStillMovesForwardOnly() {
        request.on(id(), task("kasi-pelayanan"));
        request.on(id(), task("kades"));
        request.on(id(), verified(0)); // late, from the other topic

        assertThat(request.status()).isEqualTo(RequestStatus.MENUNGGU_TANDA_TANGAN);
        assertThat(request.timeline()).extracting(TimelineEntry::code)
                .containsExactly("SUBMITTED", "VERIFIED", "TASK_CREATED", "TASK_CREATED");
    }

    @Test
    void aLateVerificationDoesNotUndoARevisionRequest() {
        request.on(id(), task("kasi-pelayanan"));
        request.on(id(), new RevisionRequested(ID, "Persetujuan Kasi Pelayanan", "Lengkapi alamat", at(5)));
        request.on(id(), verified(0));

        assertThat(request.status()).isEqualTo(RequestStatus.PERLU_PERBAIKAN);
        assertThat(request.on(id(), task("sekdes"))).isTrue();
        assertThat(request.status()).isEqualTo(RequestStatus.PERLU_PERBAIKAN);
    }

    @Test
    void aVerificationOfAnOlderRevisionIsOnlyRecorded() {
        request.on(id(), new RevisionRequested(ID, "Persetujuan Kasi Pelayanan", "Lengkapi alamat", at(5)));
        request.revise(DATA, at(6));

        request.on(id(), verified(0));
        request.on(id(), new VerificationFailed(ID, "SKU-7K3M9Q", 0, List.of(new CheckResult("nik", false,
                "NIK tidak terdaftar")), at(1)));

        assertThat(request.status()).isEqualTo(RequestStatus.DIAJUKAN);
    }

    @Test
    void verificationFailureRejectsWithTheReasons() {
        request.on(id(), new VerificationFailed(ID, "SKU-7K3M9Q", 0, List.of(
                new CheckResult("nik-terdaftar", false, "NIK tidak terdaftar"),
                new CheckResult("domisili", true, "Berdomisili di desa"),
                new CheckResult("usia", false, "Pemohon belum 17 tahun")), at(2)));

        assertThat(request.status()).isEqualTo(RequestStatus.DITOLAK);
        assertThat(request.rejectionReason()).isEqualTo("NIK tidak terdaftar; Pemohon belum 17 tahun");
        assertThat(request.timeline()).last().extracting(TimelineEntry::detail)
                .isEqualTo("NIK tidak terdaftar; Pemohon belum 17 tahun");
    }

    @Test
    void terminalStatesStayTerminalButTheTimelineRecords() {
        request.on(id(), new RequestRejected(ID, "Persetujuan Kasi Pelayanan", "Bukan usaha di desa ini", at(3)));
        request.on(id(), issued());
        request.on(id(), new RevisionRequested(ID, "Persetujuan Kasi Pelayanan", "Lengkapi", at(5)));
        request.on(id(), task("kades"));
        request.on(id(), verified(0));

        assertThat(request.status()).isEqualTo(RequestStatus.DITOLAK);
        assertThat(request.rejectionReason()).isEqualTo("Bukan usaha di desa ini");
        assertThat(request.letterNumber()).isNull();
        assertThat(request.timeline()).hasSize(6);
    }

    @Test
    void timelineHoldsNoPersonalDataAndNamesTheOfficialsByPosition() {
        request.on(id(), new ApprovalTaskCompleted(ID, "t1", "Persetujuan Kasi Pelayanan", "kasi-pelayanan",
                "REVISE", "Foto usaha kurang jelas", "Budi Santoso", at(4)));
        request.on(id(), new NotificationDelivered(ID, "n1", "EMAIL", "s**@e******.id", "submitted", at(5)));

        assertThat(request.timeline()).extracting(TimelineEntry::text).contains(
                "Dikembalikan untuk perbaikan oleh Kasi Pelayanan", "Pemberitahuan terkirim lewat email");
        assertThat(request.timeline().toString()).doesNotContain("Budi", "s**@", SRI.nik(), SRI.name(),
                SRI.phone(), "Warung");
    }

    @Test
    void timelineIsInTheOrderThingsHappened() {
        request.on(id(), task("kasi-pelayanan")); // created at T0+4, arrives first
        request.on(id(), verified(0));             // verified at T0+2

        assertThat(request.timeline()).extracting(TimelineEntry::code)
                .containsExactly("SUBMITTED", "VERIFIED", "TASK_CREATED");
    }

    /** A request brought into {@code status} through its own methods. */
    private static LetterRequest inStatus(RequestStatus status) {
        LetterRequest r = LetterRequest.submit(ID, "SKU-7K3M9Q", "surat-keterangan-usaha", "3309012004", SRI, DATA,
                Channel.COUNTER, "operator", T0);
        switch (status) {
            case DIAJUKAN -> { }
            case PERLU_PERBAIKAN -> r.on(id(), new RevisionRequested(ID, "Persetujuan", "Lengkapi", at(5)));
            case MENUNGGU_PERSETUJUAN -> r.on(id(), verified(0));
            case MENUNGGU_TANDA_TANGAN -> r.on(id(), task("kades"));
            case SELESAI -> r.on(id(), issued());
            case DITOLAK -> r.on(id(), new RequestRejected(ID, "Persetujuan", "Tidak memenuhi syarat", at(3)));
            case DIBATALKAN -> r.cancel(null, at(3));
        }
        assertThat(r.status()).isEqualTo(status);
        return r;
    }

    private static RequestVerified verified(int revision) {
        return new RequestVerified(ID, "SKU-7K3M9Q", "surat-keterangan-usaha", "3309012004", "Bulu", revision, SRI,
                DATA, List.of(), at(2));
    }

    private static ApprovalTaskCreated task(String role) {
        return new ApprovalTaskCreated(ID, "t-" + role, "Tugas " + role, role, "desa:3309012004:" + role,
                "3309012004", null, at(4));
    }

    private static LetterIssued issued() {
        return new LetterIssued(ID, "500/001/3309012004/XI/2026", "surat-keterangan-usaha", "3309012004", "Suyatno",
                "Kepala Desa", at(8));
    }

    private static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private static byte[] bytes(OutboxMessage m) {
        return m.payload().getBytes(StandardCharsets.UTF_8);
    }

    private static void assertConforms(OutboxMessage m) {
        assertThat(EventSchemas.violations(EventType.of(m.type()).orElseThrow(), bytes(m))).isEmpty();
    }
}
