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
import id.desaflow.contracts.events.VerificationPostponed;
import id.desaflow.contracts.events.ApprovalTaskEscalated;
import id.desaflow.contracts.events.LetterRevoked;
import id.desaflow.contracts.events.RequestReturnedForRevision;
import id.desaflow.intake.access.Channel;
import id.desaflow.intake.catalogue.LetterType;
import id.desaflow.intake.village.Village;
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

    private static final LetterType SKU = new LetterType("surat-keterangan-usaha", "SKU", "Surat Keterangan Usaha",
            "Business Certificate", "500", null, true, List.of(), List.of(), List.of());
    private static final Village BEJI = new Village("3309012004", "Beji", "Andong", "Boyolali", "Jawa Tengah",
            List.of(), List.of());

    private final LetterRequest request = submitted(Channel.ONLINE);

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
    void whereTheSekdesSignsOnBehalfOfTheKadesItIsThatStepTheResidentSeesAsTheSignature() {
        request.on(id(), verified(0));
        request.on(id(), new ApprovalTaskCreated(ID, "t-paraf", "Paraf Sekretaris Desa", "sekdes",
                "desa:3309012005:sekdes", "3309012005", null, at(4), SKU_TYPE, "SKU-7K3M9Q", false));
        assertThat(request.status()).isEqualTo(RequestStatus.MENUNGGU_PERSETUJUAN);
        request.on(id(), new ApprovalTaskCreated(ID, "t-sign", "Tanda tangan Sekretaris Desa a.n. Kepala Desa",
                "sekdes", "desa:3309012005:sekdes", "3309012005", null, at(5), SKU_TYPE, "SKU-7K3M9Q", true));
        assertThat(request.status()).isEqualTo(RequestStatus.MENUNGGU_TANDA_TANGAN);
        assertThat(request.timeline().get(request.timeline().size() - 1).text())
                .startsWith("Menunggu tanda tangan");
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
        // the official's note is the comment only: not repeated as a problem, nor in the timeline's entry
        assertThat(request.revisionProblems()).isEmpty();
        assertThat(request.timeline()).filteredOn(t -> t.code().equals("REVISION_REQUESTED")).singleElement()
                .satisfies(t -> assertThat(t.detail()).isNull());

        request.revise(revision(Map.of("namaUsaha", "Warung Sri", "jenisUsaha", "Kuliner", "alamatUsaha",
                "Dusun Bulu RT 2", "keperluan", "KUR")), List.of(), Channel.ONLINE, "demo", at(6));

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

        assertThatThrownBy(() -> r.revise(revision(DATA), List.of(), Channel.ONLINE, "demo", at(9)))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
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

        assertThatThrownBy(() -> r.cancel(null, Channel.ONLINE, "demo", at(9)))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(409);
                    assertThat(e.getMessage()).isEqualTo("Permohonan berstatus \"" + status.label()
                            + "\" tidak dapat dibatalkan");
                });
        assertThat(r.pendingEvents()).hasSize(events);
    }

    @ParameterizedTest
    @EnumSource(value = RequestStatus.class, names = {"DIAJUKAN", "SEDANG_DIVERIFIKASI", "PERLU_PERBAIKAN",
            "MENUNGGU_PERSETUJUAN", "MENUNGGU_TANDA_TANGAN"})
    void cancelIsAllowedUntilFinished(RequestStatus status) {
        LetterRequest r = inStatus(status);

        r.cancel("Sudah tidak perlu", Channel.ONLINE, "demo", at(9));

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
        request.revise(revision(DATA), List.of(), Channel.ONLINE, "demo", at(6));

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

    @Test
    void verificationReturnsItForRevisionWithWhatToFix() {
        request.on(id(), new RequestReturnedForRevision(ID, "SKU-7K3M9Q", "surat-keterangan-usaha", "3309012004", 0,
                List.of(new CheckResult("nama-sesuai", true, "Nama sesuai"),
                        new CheckResult("applicant.name", false, "Nama tidak sama dengan data kependudukan")), at(2)));

        assertThat(request.status()).isEqualTo(RequestStatus.PERLU_PERBAIKAN);
        assertThat(request.revisionProblems()).containsExactly(new RevisionProblem("applicant.name",
                "Nama tidak sama dengan data kependudukan"));
        assertThat(request.timeline()).last().satisfies(e -> {
            assertThat(e.text()).isEqualTo("Data perlu diperbaiki");
            assertThat(e.detail()).isEqualTo("Nama tidak sama dengan data kependudukan");
        });
        request.revise(revision(DATA), List.of(), Channel.ONLINE, "demo", at(3));
        assertThat(request.revisionProblems()).isEmpty();
        // a late answer about the revision before does not send it back again
        request.on(id(), new RequestReturnedForRevision(ID, "SKU-7K3M9Q", "surat-keterangan-usaha", "3309012004", 0,
                List.of(new CheckResult("x", false, "lama")), at(4)));
        assertThat(request.status()).isEqualTo(RequestStatus.DIAJUKAN);
    }

    @Test
    void aPostponedVerificationIsWaitingNotRefused() {
        request.on(id(), new VerificationPostponed(ID, "SKU-7K3M9Q", 0, "Dukcapil tidak menjawab", at(1)));
        assertThat(request.status()).isEqualTo(RequestStatus.SEDANG_DIVERIFIKASI);
        assertThat(request.timeline()).last().extracting(TimelineEntry::text).asString()
                .startsWith("Verifikasi data tertunda");

        request.on(id(), verified(0));
        assertThat(request.status()).isEqualTo(RequestStatus.MENUNGGU_PERSETUJUAN);
    }

    @Test
    void escalationAndRevocationAreRecordedWithoutNames() {
        request.on(id(), issued());
        request.on(id(), new ApprovalTaskEscalated(ID, "t1", "Tanda tangan", "kades", "desa:3309012004:kades",
                "3309012004", "surat-keterangan-usaha", "SKU-7K3M9Q", "desa:3309012004:admin-desa", true, at(5),
                at(6)));
        request.on(id(), new LetterRevoked(ID, "500/001/3309012004/XI/2026", "Data usaha tidak benar", "Admin Beji",
                at(20)));

        assertThat(request.status()).isEqualTo(RequestStatus.SELESAI);
        assertThat(request.letterRevoked()).isTrue();
        assertThat(request.timeline()).extracting(TimelineEntry::text).contains("Surat dicabut",
                "Permohonan diprioritaskan karena melewati batas waktu layanan");
        assertThat(request.timeline().toString()).doesNotContain("Admin Beji", "admin-desa");
    }

    @Test
    void aFinishedRequestFreesItsOpenSlot() {
        assertThat(request.openSlot()).isEqualTo(LetterRequest.openSlot("3309012004", "surat-keterangan-usaha",
                SRI.nik())).doesNotContain(SRI.nik());
        request.on(id(), verified(0));
        assertThat(request.openSlot()).isNotNull();

        request.on(id(), new RequestRejected(ID, "Persetujuan", "Bukan usaha di desa ini", at(3)));

        assertThat(request.openSlot()).isNull();
    }

    @Test
    void aRevisionReplacesDocumentsByKindAndTheEventCarriesAllOfThem() {
        StoredAttachment ktp = file("f1", "ktp");
        StoredAttachment rt = file("f2", "pengantar-rt");
        LetterRequest r = LetterRequest.submit(ID, "SKU-7K3M9Q", new SubmissionRules.ValidSubmission(SKU, BEJI, SRI,
                DATA, List.of(), List.of()), List.of(ktp, rt), Channel.ONLINE, "demo", null, T0);
        r.on(id(), new RevisionRequested(ID, "Persetujuan", "KTP buram", at(2)));
        StoredAttachment sharper = file("f3", "ktp");

        r.revise(revision(DATA), List.of(sharper), Channel.COUNTER, "operator", at(3));

        assertThat(r.attachments()).containsExactlyInAnyOrder(rt, sharper);
        assertThat(r.attachment("f1")).contains(ktp); // replaced, still the request's
        RequestRevised revised = EventJson.fromBytes(bytes(r.pendingEvents().get(1)), RequestRevised.class);
        assertThat(revised.attachments()).containsExactlyInAnyOrder(rt.ref(), sharper.ref());
        assertConforms(r.pendingEvents().get(1));
        assertThat(r.timeline()).last().satisfies(e -> {
            assertThat(e.text()).isEqualTo("Perbaikan diserahkan di kantor desa (perbaikan ke-1)");
            assertThat(e.actor()).isEqualTo("operator");
        });
    }

    private static StoredAttachment file(String id, String kind) {
        return new StoredAttachment(id, kind, "image/png", 100, "a".repeat(64), T0, "demo");
    }

    /** A request brought into {@code status} through its own methods. */
    private static LetterRequest inStatus(RequestStatus status) {
        LetterRequest r = submitted(Channel.COUNTER);
        switch (status) {
            case DIAJUKAN -> { }
            case SEDANG_DIVERIFIKASI -> r.on(id(), new VerificationPostponed(ID, "SKU-7K3M9Q", 0, "Dukcapil lambat",
                    at(1)));
            case PERLU_PERBAIKAN -> r.on(id(), new RevisionRequested(ID, "Persetujuan", "Lengkapi", at(5)));
            case MENUNGGU_PERSETUJUAN -> r.on(id(), verified(0));
            case MENUNGGU_TANDA_TANGAN -> r.on(id(), task("kades"));
            case SELESAI -> r.on(id(), issued());
            case DITOLAK -> r.on(id(), new RequestRejected(ID, "Persetujuan", "Tidak memenuhi syarat", at(3)));
            case DIBATALKAN -> r.cancel(null, Channel.ONLINE, "demo", at(3));
        }
        assertThat(r.status()).isEqualTo(status);
        return r;
    }

    static LetterRequest submitted(Channel channel) {
        return LetterRequest.submit(ID, "SKU-7K3M9Q", new SubmissionRules.ValidSubmission(SKU, BEJI, SRI, DATA,
                List.of(), List.of()), List.of(), channel, channel == Channel.COUNTER ? "operator" : "demo", null, T0);
    }

    private static SubmissionRules.ValidRevision revision(Map<String, String> data) {
        return new SubmissionRules.ValidRevision(SRI, data, List.of(), List.of());
    }

    private static RequestVerified verified(int revision) {
        return new RequestVerified(ID, "SKU-7K3M9Q", "surat-keterangan-usaha", "3309012004", "Bulu", revision, SRI,
                DATA, List.of(), at(2));
    }

    private static final String SKU_TYPE = "surat-keterangan-usaha";

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
