package id.desaflow.verification.verification;

import id.desaflow.contracts.events.CheckResult;
import id.desaflow.contracts.events.EventType;
import id.desaflow.contracts.events.LetterIssued;
import id.desaflow.contracts.events.RequestCancelled;
import id.desaflow.contracts.events.RequestRejected;
import id.desaflow.contracts.events.RequestVerified;
import id.desaflow.contracts.events.VerificationFailed;
import id.desaflow.verification.ServiceTestSupport;
import id.desaflow.verification.registry.Resident;
import id.desaflow.verification.registry.ResidentStatus;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;

import static id.desaflow.verification.TestResidents.resident;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * tidak-ada-permohonan-aktif against verification's own view of open requests: a submission opens a request; a
 * cancellation, a rejection, an issued letter or a refusal by verification closes it.
 */
class OpenRequestsTest extends ServiceTestSupport {

    @Autowired
    VerificationRecords records;
    @Autowired
    MockMvc mvc;

    @Test
    void aSecondOpenRequestOfTheSameTypeIsRefusedUntilTheFirstIsCancelled() {
        Resident ani = registered(resident("Ani Rahmawati").female());
        String first = verifiedRequest(ani);
        String second = newRequestId();
        publish(second, submitted(second, ani));

        VerificationFailed refused = verificationEvents.awaitType(EventType.VERIFICATION_FAILED, second)
                .payload(VerificationFailed.class);
        assertThat(refused.reasons()).extracting(CheckResult::rule).containsExactly("tidak-ada-permohonan-aktif");
        assertThat(refused.reasons().get(0).message()).doesNotContain(first);

        publish(first, new RequestCancelled(first, "salah jenis surat", Instant.now()));
        assertVerified(ani);
    }

    @Test
    void anIssuedLetterClosesTheRequest() {
        Resident bagus = registered(resident("Bagus Saputra"));
        String first = verifiedRequest(bagus);

        publish(first, new LetterIssued(first, "500/045/3309012004/XI/2026", "surat-keterangan-usaha", BEJI,
                "Hartono", "Kepala Desa", Instant.now()));
        awaitClosed(first, "letter-issued");
        assertVerified(bagus);
    }

    @Test
    void aRejectionClosesTheRequest() {
        Resident heri = registered(resident("Heri Kurniawan"));
        String first = verifiedRequest(heri);

        publish(first, new RequestRejected(first, "Persetujuan Kepala Desa", "Usaha tidak berada di desa",
                Instant.now()));
        awaitClosed(first, "rejected");
        assertVerified(heri);
    }

    @Test
    void aRefusalByVerificationClosesTheRequest() throws Exception {
        Resident teguh = registered(resident("Teguh Santoso").status(ResidentStatus.MENINGGAL));
        String first = newRequestId();
        publish(first, submitted(first, teguh));
        verificationEvents.awaitType(EventType.VERIFICATION_FAILED, first);
        assertThat(records.findById(first).orElseThrow().closedBy()).isEqualTo("verification-failed");

        // the registry was wrong: corrected, the resident may ask again without the refused request in the way
        mvc.perform(post("/api/v1/registry/{village}/residents/corrections", BEJI)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"nik\":\"" + teguh.nik() + "\",\"status\":\"HIDUP\",\"reason\":\"Salah input status dasar\"}"))
                .andExpect(status().isOk());
        assertVerified(teguh);
    }

    @Test
    void aRequestCancelledBeforeItsSubmissionArrivesIsNeverVerified() {
        Resident warsito = registered(resident("Warsito"));
        String id = newRequestId();
        publish(id, new RequestCancelled(id, "berubah pikiran", Instant.now()));
        publish(id, submitted(id, warsito));
        String marker = newRequestId();
        publish(marker, submitted(marker, registered(resident("Penanda"))));
        awaitVerificationOf(marker);

        assertThat(verificationEvents.events()).noneMatch(e -> id.equals(e.subject()));
        assertThat(records.findById(id).orElseThrow().open()).isFalse();
    }

    private String verifiedRequest(Resident resident) {
        String id = newRequestId();
        publish(id, submitted(id, resident));
        assertThat(verificationEvents.awaitType(EventType.REQUEST_VERIFIED, id).payload(RequestVerified.class)
                .outcome()).isEqualTo(RequestVerified.VERIFIED);
        return id;
    }

    private void assertVerified(Resident resident) {
        verifiedRequest(resident);
    }

    private void awaitClosed(String requestId, String by) {
        Awaitility.await().until(() -> by.equals(records.findById(requestId).orElseThrow().closedBy()));
    }
}
