package id.desaflow.verification.verification;

import id.desaflow.contracts.events.EventType;
import id.desaflow.contracts.events.RequestSubmitted;
import id.desaflow.contracts.events.RequestVerified;
import id.desaflow.verification.ServiceTestSupport;
import id.desaflow.verification.registry.Resident;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static id.desaflow.verification.TestResidents.resident;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A revised request re-runs only what the revision can change; registry facts about the applicant stand. */
class RevisionTest extends ServiceTestSupport {

    @Autowired
    MockMvc mvc;

    @Test
    void theRevisionReRunsDocumentsNameAndDukcapilAndKeepsAliveAndResident() throws Exception {
        Resident slamet = registered(resident("Slamet Riyanto"));
        String id = newRequestId();
        RequestSubmitted request = submitted(id, slamet);
        RequestSubmitted withoutCoverLetter = new RequestSubmitted(id, request.trackingCode(), request.letterType(),
                request.villageCode(), request.applicant(), request.data(), "ONLINE", request.submittedAt(),
                List.of(document("ktp")));
        publish(id, withoutCoverLetter);
        verificationEvents.awaitType(EventType.RETURNED_FOR_REVISION, id);
        // meanwhile the registry records him as deceased: a revision cannot change that fact, the earlier finding
        // (alive when he asked) stands for this request
        mvc.perform(post("/api/v1/registry/{village}/residents/corrections", BEJI)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"nik\":\"" + slamet.nik() + "\",\"status\":\"MENINGGAL\",\"reason\":\"Akta kematian 12/2026\"}"))
                .andExpect(status().isOk());

        assertThat(dukcapilQuestionsAbout(slamet)).as("the returned submission could not pass anyway").isZero();

        publish(id, revised(withoutCoverLetter, 1, slamet.name(), request.data(), request.attachments()));

        RequestVerified verified = verificationEvents.awaitType(EventType.REQUEST_VERIFIED, id)
                .payload(RequestVerified.class);
        assertThat(verified.revision()).isEqualTo(1);
        assertThat(verified.outcome()).isEqualTo(RequestVerified.VERIFIED);
        mvc.perform(get("/api/v1/verifications/{id}", id))
                .andExpect(jsonPath("$.checks[?(@.rule == 'masih-hidup')].kept").value(true))
                .andExpect(jsonPath("$.checks[?(@.rule == 'domisili-desa')].kept").value(true))
                .andExpect(jsonPath("$.checks[?(@.rule == 'usia-minimal')].kept").value(true))
                .andExpect(jsonPath("$.checks[?(@.rule == 'lampiran-wajib')].kept").value(false))
                .andExpect(jsonPath("$.checks[?(@.rule == 'nama-sesuai')].kept").value(false))
                .andExpect(jsonPath("$.checks[?(@.rule == 'dukcapil-sesuai')].kept").value(false));
        assertThat(dukcapilQuestionsAbout(slamet)).as("asked for the revision").isPositive();
    }

    private static int dukcapilQuestionsAbout(Resident resident) {
        return DUKCAPIL.countRequestsMatching(postRequestedFor(urlEqualTo("/api/v1/nik/verify"))
                .withRequestBody(containing(resident.nik())).build()).getCount();
    }
}
