package id.desaflow.verification.verification;

import id.desaflow.contracts.events.CheckResult;
import id.desaflow.contracts.events.EventType;
import id.desaflow.contracts.events.RequestCancelled;
import id.desaflow.contracts.events.RequestReturnedForRevision;
import id.desaflow.contracts.events.RequestSubmitted;
import id.desaflow.contracts.events.RequestVerified;
import id.desaflow.contracts.events.VerificationFailed;
import id.desaflow.platform.messaging.IncomingEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class VerificationFlowTest extends ServiceTestSupport {

    @Test
    void aBejiResidentIsVerifiedWithTheDusunFromTheRegistry() {
        String id = newRequestId();
        RequestSubmitted request = submitted(id, SRI_NIK, "SRI  WAHYUNI");
        publish(id, request);

        IncomingEvent event = verificationEvents.awaitType(EventType.REQUEST_VERIFIED, id);
        RequestVerified verified = event.payload(RequestVerified.class);
        assertThat(verified.dusun()).isEqualTo("Beji");
        assertThat(verified.revision()).isZero();
        assertThat(verified.trackingCode()).isEqualTo(request.trackingCode());
        assertThat(verified.letterType()).isEqualTo("surat-keterangan-usaha");
        assertThat(verified.villageCode()).isEqualTo(BEJI);
        assertThat(verified.data()).isEqualTo(request.data());
        assertThat(verified.applicant().nik()).isEqualTo(SRI_NIK);
        assertThat(verified.applicant().name()).as("the registry's spelling").isEqualTo("Sri Wahyuni");
        assertThat(verified.applicant().email()).isEqualTo("warga@example.id");
        assertThat(verified.checks()).extracting(CheckResult::rule)
                .containsExactly("nik-terdaftar", "masih-hidup", "domisili-desa", "nama-sesuai", "lampiran-wajib",
                        "data-lengkap");
        assertThat(verified.checks()).allMatch(CheckResult::passed);
        assertThat(verified.outcome()).isEqualTo(RequestVerified.VERIFIED);
        assertThat(event.subject()).isEqualTo(id);
    }

    @Test
    void anUnknownNikFailsNikTerdaftar() {
        assertFailedOnly(UNKNOWN_NIK, "Siapa Saja", "nik-terdaftar");
    }

    @Test
    void aDeceasedResidentFailsMasihHidup() {
        assertFailedOnly(DECEASED_NIK, "Wiryo Sumarto", "masih-hidup");
    }

    @Test
    void aResidentOfAnotherVillageFailsDomisiliDesa() {
        assertFailedOnly(OTHER_VILLAGE_NIK, "Suparno", "domisili-desa");
    }

    @Test
    void aWrongNameIsSentBackForRevisionNotRefused() {
        String id = newRequestId();
        publish(id, submitted(id, SRI_NIK, "Siti Wahyuningsih"));

        RequestReturnedForRevision returned = verificationEvents.awaitType(EventType.RETURNED_FOR_REVISION, id)
                .payload(RequestReturnedForRevision.class);
        assertThat(returned.problems()).extracting(CheckResult::rule).containsExactly("nama-sesuai");
        assertThat(returned.problems().get(0).message()).contains("persis seperti di KTP")
                .doesNotContain("Sri Wahyuni"); // never reveals whose NIK it is
        assertThat(verificationEvents.events(EventType.VERIFICATION_FAILED, id)).isEmpty();
        assertThat(verificationEvents.events(EventType.REQUEST_VERIFIED, id)).isEmpty();
    }

    @Test
    void aMissingRequiredDocumentIsSentBackNamingIt() {
        String id = newRequestId();
        RequestSubmitted full = submitted(id, SRI_NIK, "Sri Wahyuni");
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
        String id = newRequestId();
        RequestSubmitted full = submitted(id, SRI_NIK, "Sri Wahyuni");
        publish(id, new RequestSubmitted(id, full.trackingCode(), full.letterType(), full.villageCode(),
                full.applicant(), full.data(), "COUNTER", full.submittedAt(), List.of(document("ktp")),
                List.of("pengantar-rt")));

        assertThat(verificationEvents.awaitType(EventType.REQUEST_VERIFIED, id).payload(RequestVerified.class)
                .outcome()).isEqualTo(RequestVerified.VERIFIED);
    }

    @Test
    void refusalOutranksRevision() {
        String id = newRequestId();
        RequestSubmitted full = submitted(id, DECEASED_NIK, "Orang Lain");
        publish(id, new RequestSubmitted(id, full.trackingCode(), full.letterType(), full.villageCode(),
                full.applicant(), full.data(), "ONLINE", full.submittedAt(), List.of()));

        VerificationFailed failed = verificationEvents.awaitType(EventType.VERIFICATION_FAILED, id)
                .payload(VerificationFailed.class);
        assertThat(failed.reasons()).extracting(CheckResult::rule)
                .containsExactlyInAnyOrder("masih-hidup", "nama-sesuai", "lampiran-wajib");
        assertThat(verificationEvents.events(EventType.RETURNED_FOR_REVISION, id)).isEmpty();
    }

    @Test
    void aRevisedRequestIsVerifiedAgainWithItsRevisionAndNewData() {
        String id = newRequestId();
        RequestSubmitted request = submitted(id, SRI_NIK, "Sri Wahyu");
        publish(id, request);
        assertThat(verificationEvents.awaitType(EventType.RETURNED_FOR_REVISION, id)
                .payload(RequestReturnedForRevision.class).revision()).isZero();

        Map<String, String> corrected = Map.of("namaUsaha", "Warung Jamu Sri Rejeki", "alamatUsaha",
                "Dukuh Beji RT 002 RW 001");
        publish(id, revised(request, 1, "Sri Wahyuni", corrected));

        RequestVerified verified = verificationEvents.await(e -> id.equals(e.subject())
                && e.type().equals(EventType.REQUEST_VERIFIED.type())).payload(RequestVerified.class);
        assertThat(verified.revision()).isEqualTo(1);
        assertThat(verified.data()).isEqualTo(corrected);
        assertThat(verified.dusun()).isEqualTo("Beji");
    }

    @Test
    void letterDataIsPassedOnAsSentEvenWithDottedFieldNames() {
        String id = newRequestId();
        Map<String, String> data = Map.of("usaha.jenis", "Warung makan", "usaha.sejak", "2019");
        RequestSubmitted request = submitted(id, SRI_NIK, "Sri Wahyuni");
        publish(id, new RequestSubmitted(id, request.trackingCode(), request.letterType(), request.villageCode(),
                request.applicant(), data, "COUNTER", request.submittedAt(), request.attachments()));

        assertThat(verificationEvents.awaitType(EventType.REQUEST_VERIFIED, id).payload(RequestVerified.class).data())
                .isEqualTo(data);
    }

    @Test
    void cancellationsAreIgnored() {
        String cancelled = newRequestId();
        publish(cancelled, new RequestCancelled(cancelled, "SKU-CANCEL1", Instant.now()));
        String next = newRequestId();
        publish(next, submitted(next, SRI_NIK, "Sri Wahyuni"));

        awaitVerificationOf(next); // one partition: the cancellation was handled before
        assertThat(verificationEvents.events()).noneMatch(e -> cancelled.equals(e.subject()));
    }

    @Test
    void everythingPublishedHonoursTheEventContract() {
        String good = newRequestId();
        publish(good, submitted(good, SRI_NIK, "Sri Wahyuni"));
        String bad = newRequestId();
        publish(bad, submitted(bad, DECEASED_NIK, "Wiryo Sumarto"));
        verificationEvents.awaitType(EventType.REQUEST_VERIFIED, good);
        verificationEvents.awaitType(EventType.VERIFICATION_FAILED, bad);

        verificationEvents.poll();
        assertThat(verificationEvents.events()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(verificationEvents.contractViolations()).isEmpty();
    }

    private void assertFailedOnly(String nik, String name, String rule) {
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
