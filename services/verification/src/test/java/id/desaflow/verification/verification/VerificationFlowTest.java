package id.desaflow.verification.verification;

import id.desaflow.contracts.events.CheckResult;
import id.desaflow.contracts.events.EventType;
import id.desaflow.contracts.events.RequestReturnedForRevision;
import id.desaflow.contracts.events.RequestSubmitted;
import id.desaflow.contracts.events.RequestVerified;
import id.desaflow.contracts.events.VerificationFailed;
import id.desaflow.verification.ServiceTestSupport;
import id.desaflow.verification.registry.Resident;
import id.desaflow.verification.registry.ResidentStatus;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static id.desaflow.verification.TestResidents.resident;
import static org.assertj.core.api.Assertions.assertThat;

/** Requests through Kafka against the registry in MongoDB: each outcome and the event that tells it. */
class VerificationFlowTest extends ServiceTestSupport {

    @Test
    void aResidentIsVerifiedWithTheDusunAndTheNameSpellingOfTheRegistry() {
        Resident lestari = registered(resident("Dewi Lestari").female().dusun("Bandung Kidul"));
        String id = newRequestId();
        RequestSubmitted request = submitted(id, lestari.nik(), "DEWI  LESTARI");
        publish(id, request);

        RequestVerified verified = verificationEvents.awaitType(EventType.REQUEST_VERIFIED, id)
                .payload(RequestVerified.class);
        assertThat(verified.outcome()).isEqualTo(RequestVerified.VERIFIED);
        assertThat(verified.dusun()).isEqualTo("Bandung Kidul");
        assertThat(verified.revision()).isZero();
        assertThat(verified.trackingCode()).isEqualTo(request.trackingCode());
        assertThat(verified.letterType()).isEqualTo("surat-keterangan-usaha");
        assertThat(verified.villageCode()).isEqualTo(BEJI);
        assertThat(verified.data()).isEqualTo(request.data());
        assertThat(verified.applicant().nik()).isEqualTo(lestari.nik());
        assertThat(verified.applicant().name()).as("the registry's spelling").isEqualTo("Dewi Lestari");
        assertThat(verified.applicant().email()).isEqualTo("warga@example.id");
        assertThat(verified.checks()).extracting(CheckResult::rule).containsExactly("nik-terdaftar", "masih-hidup",
                "domisili-desa", "domisili-dusun", "data-lengkap", "nama-sesuai", "lampiran-wajib",
                "tidak-ada-permohonan-aktif", "dukcapil-sesuai", "usia-minimal");
        assertThat(verified.checks()).allMatch(CheckResult::passed);
    }

    @Test
    void theSeededDemoResidentIsVerified() {
        String id = newRequestId();
        // the only test verifying the seeded Sri Wahyuni; a letter type no other test uses for her
        publish(id, request(id, "surat-keterangan-penghasilan", SRI_NIK, "Sri Wahyuni",
                Map.of("pekerjaan", "Pedagang", "penghasilanPerBulan", "2500000", "keperluan", "Beasiswa anak"),
                List.of(document("ktp"), document("kk"), document("pengantar-rt"))));

        RequestVerified verified = verificationEvents.awaitType(EventType.REQUEST_VERIFIED, id)
                .payload(RequestVerified.class);
        assertThat(verified.outcome()).isEqualTo(RequestVerified.VERIFIED);
        assertThat(verified.dusun()).isEqualTo("Beji");
    }

    @Test
    void anUnknownNikIsRefusedForNikTerdaftar() {
        assertRefusedFor(UNKNOWN_NIK, "Siapa Saja", "nik-terdaftar");
    }

    @Test
    void aDeceasedResidentIsRefusedForMasihHidup() {
        Resident deceased = registered(resident("Almarhum Karto").status(ResidentStatus.MENINGGAL));
        assertRefusedFor(deceased.nik(), deceased.name(), "masih-hidup");
    }

    @Test
    void aResidentOfAnotherVillageIsRefusedForDomisiliDesa() {
        Resident neighbour = registered(resident("Tetangga Desa").village("3309012005").dusun("Krasak"));
        assertRefusedFor(neighbour.nik(), neighbour.name(), "domisili-desa");
    }

    @Test
    void aMinorIsRefusedAnSkuForUsiaMinimal() {
        Resident minor = registered(resident("Anak Muda").born(LocalDate.now().minusYears(16)));
        assertRefusedFor(minor.nik(), minor.name(), "usia-minimal");
    }

    @Test
    void aWrongNameIsSentBackForRevisionNotRefused() {
        Resident sari = registered(resident("Sari Rahayu").female());
        String id = newRequestId();
        publish(id, submitted(id, sari.nik(), "Siti Rahayuningsih"));

        RequestReturnedForRevision returned = verificationEvents.awaitType(EventType.RETURNED_FOR_REVISION, id)
                .payload(RequestReturnedForRevision.class);
        assertThat(returned.problems()).extracting(CheckResult::rule).containsExactly("nama-sesuai");
        assertThat(returned.problems().get(0).message()).contains("persis seperti di KTP")
                .doesNotContain("Sari Rahayu"); // never reveals whose NIK it is
        assertThat(returned.letterType()).isEqualTo("surat-keterangan-usaha");
        assertThat(verificationEvents.events(EventType.VERIFICATION_FAILED, id)).isEmpty();
        assertThat(verificationEvents.events(EventType.REQUEST_VERIFIED, id)).isEmpty();
    }

    @Test
    void aMissingRequiredDocumentIsSentBackNamingIt() {
        Resident budi = registered(resident("Budi Santoso"));
        String id = newRequestId();
        RequestSubmitted full = submitted(id, budi);
        publish(id, new RequestSubmitted(id, full.trackingCode(), full.letterType(), full.villageCode(),
                full.applicant(), full.data(), "ONLINE", full.submittedAt(), List.of(document("ktp"))));

        RequestReturnedForRevision returned = verificationEvents.awaitType(EventType.RETURNED_FOR_REVISION, id)
                .payload(RequestReturnedForRevision.class);
        assertThat(returned.problems()).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo("lampiran-wajib");
            assertThat(p.message()).contains("Surat pengantar").doesNotContain("KTP pemohon");
        });
    }

    @Test
    void documentsBroughtOnPaperAtTheCounterCount() {
        Resident eko = registered(resident("Eko Prasetyo"));
        String id = newRequestId();
        RequestSubmitted full = submitted(id, eko);
        publish(id, new RequestSubmitted(id, full.trackingCode(), full.letterType(), full.villageCode(),
                full.applicant(), full.data(), "COUNTER", full.submittedAt(), List.of(document("ktp")),
                List.of("pengantar-rt")));

        assertThat(verificationEvents.awaitType(EventType.REQUEST_VERIFIED, id).payload(RequestVerified.class)
                .outcome()).isEqualTo(RequestVerified.VERIFIED);
    }

    @Test
    void refusalOutranksRevisionAndTellsOnlyWhatRefuses() {
        Resident deceased = registered(resident("Almarhumah Sutinah").female().status(ResidentStatus.MENINGGAL));
        String id = newRequestId();
        RequestSubmitted full = submitted(id, deceased.nik(), "Orang Lain");
        publish(id, new RequestSubmitted(id, full.trackingCode(), full.letterType(), full.villageCode(),
                full.applicant(), full.data(), "ONLINE", full.submittedAt(), List.of()));

        VerificationFailed failed = verificationEvents.awaitType(EventType.VERIFICATION_FAILED, id)
                .payload(VerificationFailed.class);
        assertThat(failed.reasons()).extracting(CheckResult::rule).containsExactly("masih-hidup");
        assertThat(verificationEvents.events(EventType.RETURNED_FOR_REVISION, id)).isEmpty();
    }

    @Test
    void inconclusiveDataLetTheRequestThroughForAManualCheck() {
        Resident unknownDusun = registered(resident("Warga Krasak").dusun("Krasak"));
        String id = newRequestId();
        publish(id, submitted(id, unknownDusun));

        RequestVerified verified = verificationEvents.awaitType(EventType.REQUEST_VERIFIED, id)
                .payload(RequestVerified.class);
        assertThat(verified.outcome()).isEqualTo(RequestVerified.MANUAL_CHECK);
        assertThat(verified.needsManualCheck()).isTrue();
        assertThat(verified.checks()).filteredOn(c -> !c.passed()).extracting(CheckResult::rule)
                .containsExactly("domisili-dusun");
    }

    @Test
    void aRevisedRequestIsVerifiedAgainWithItsRevisionAndNewData() {
        Resident tri = registered(resident("Tri Handayani").female());
        String id = newRequestId();
        RequestSubmitted request = submitted(id, tri.nik(), "Tri Handa");
        publish(id, request);
        assertThat(verificationEvents.awaitType(EventType.RETURNED_FOR_REVISION, id)
                .payload(RequestReturnedForRevision.class).revision()).isZero();

        Map<String, String> corrected = Map.of("namaUsaha", "Warung Jamu Sri Rejeki", "alamatUsaha",
                "Dukuh Beji RT 002 RW 001");
        publish(id, revised(request, 1, "Tri Handayani", corrected));

        RequestVerified verified = verificationEvents.awaitType(EventType.REQUEST_VERIFIED, id)
                .payload(RequestVerified.class);
        assertThat(verified.revision()).isEqualTo(1);
        assertThat(verified.data()).isEqualTo(corrected);
        assertThat(verified.dusun()).isEqualTo("Beji");
    }

    @Test
    void letterDataIsPassedOnAsSentEvenWithDottedFieldNames() {
        Resident nur = registered(resident("Nur Aini").female());
        String id = newRequestId();
        Map<String, String> data = Map.of("usaha.jenis", "Warung makan", "usaha.sejak", "2019");
        RequestSubmitted request = submitted(id, nur);
        publish(id, new RequestSubmitted(id, request.trackingCode(), request.letterType(), request.villageCode(),
                request.applicant(), data, "COUNTER", request.submittedAt(), request.attachments()));

        assertThat(verificationEvents.awaitType(EventType.REQUEST_VERIFIED, id).payload(RequestVerified.class).data())
                .isEqualTo(data);
    }

    @Test
    void aDeathIsReportedByTheFamilyOfTheDeceased() {
        Resident widow = registered(resident("Painem Wiryo").female());
        Resident husband = registered(resident("Wiryo Karto").kk(widow.kkNumber()).status(ResidentStatus.MENINGGAL));
        Resident neighbour = registered(resident("Tetangga Baik"));
        String family = newRequestId();
        String stranger = newRequestId();
        Map<String, String> death = Map.of("nikAlmarhum", husband.nik(), "namaAlmarhum", husband.name(),
                "tanggalKematian", "2026-11-01", "hubunganPelapor", "Istri");
        List<id.desaflow.contracts.events.AttachmentRef> documents = List.of(document("ktp"), document("kk"));
        publish(family, request(family, "surat-keterangan-kematian", widow.nik(), widow.name(), death, documents));
        publish(stranger, request(stranger, "surat-keterangan-kematian", neighbour.nik(), neighbour.name(), death,
                documents));

        assertThat(verificationEvents.awaitType(EventType.REQUEST_VERIFIED, family).payload(RequestVerified.class)
                .outcome()).isEqualTo(RequestVerified.VERIFIED);
        RequestVerified byNeighbour = verificationEvents.awaitType(EventType.REQUEST_VERIFIED, stranger)
                .payload(RequestVerified.class);
        assertThat(byNeighbour.outcome()).isEqualTo(RequestVerified.MANUAL_CHECK);
        assertThat(byNeighbour.checks()).filteredOn(c -> !c.passed()).extracting(CheckResult::rule)
                .containsExactly("anggota-kk");
    }

    @Test
    void everythingPublishedHonoursTheEventContract() {
        Resident good = registered(resident("Kontrak Baik"));
        String verified = newRequestId();
        publish(verified, submitted(verified, good));
        String refused = newRequestId();
        publish(refused, submitted(refused, UNKNOWN_NIK, "Tidak Ada"));
        String returned = newRequestId();
        publish(returned, submitted(returned, registered(resident("Kontrak Kembali")).nik(), "Salah Nama"));
        verificationEvents.awaitType(EventType.REQUEST_VERIFIED, verified);
        verificationEvents.awaitType(EventType.VERIFICATION_FAILED, refused);
        verificationEvents.awaitType(EventType.RETURNED_FOR_REVISION, returned);

        verificationEvents.poll();
        assertThat(verificationEvents.events()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(verificationEvents.contractViolations()).isEmpty();
    }

    private void assertRefusedFor(String nik, String name, String rule) {
        String id = newRequestId();
        publish(id, submitted(id, nik, name));

        VerificationFailed failed = verificationEvents.awaitType(EventType.VERIFICATION_FAILED, id)
                .payload(VerificationFailed.class);
        assertThat(failed.reasons()).extracting(CheckResult::rule).containsExactly(rule);
        assertThat(failed.reasons()).allSatisfy(r -> {
            assertThat(r.passed()).isFalse();
            assertThat(r.message()).isNotBlank();
        });
        assertThat(failed.revision()).isZero();
        assertThat(verificationEvents.events(EventType.REQUEST_VERIFIED, id)).isEmpty();
    }
}
