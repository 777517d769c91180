package id.desaflow.verification.verification;

import id.desaflow.contracts.events.CheckResult;
import id.desaflow.contracts.events.EventType;
import id.desaflow.contracts.events.RequestCancelled;
import id.desaflow.contracts.events.RequestSubmitted;
import id.desaflow.contracts.events.RequestVerified;
import id.desaflow.contracts.events.VerificationFailed;
import id.desaflow.platform.messaging.IncomingEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
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
                .containsExactly("nik-terdaftar", "masih-hidup", "domisili-desa", "nama-sesuai");
        assertThat(verified.checks()).allMatch(CheckResult::passed);
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
    void aWrongNameFailsNamaSesuai() {
        assertFailedOnly(SRI_NIK, "Siti Wahyuningsih", "nama-sesuai");
    }

    @Test
    void aRevisedRequestIsVerifiedAgainWithItsRevisionAndNewData() {
        String id = newRequestId();
        RequestSubmitted request = submitted(id, SRI_NIK, "Sri Wahyu");
        publish(id, request);
        assertThat(verificationEvents.awaitType(EventType.VERIFICATION_FAILED, id)
                .payload(VerificationFailed.class).revision()).isZero();

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
                request.applicant(), data, "COUNTER", request.submittedAt()));

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
