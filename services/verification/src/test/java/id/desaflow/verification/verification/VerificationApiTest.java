package id.desaflow.verification.verification;

import id.desaflow.contracts.events.EventType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class VerificationApiTest extends ServiceTestSupport {

    @Autowired
    MockMvc mvc;

    @Test
    void showsOutcomeChecksRevisionAndTimeWithTheNikMasked() throws Exception {
        String id = newRequestId();
        publish(id, submitted(id, DECEASED_NIK, "Wiryo Sumarto"));
        verificationEvents.awaitType(EventType.VERIFICATION_FAILED, id);

        mvc.perform(get("/api/v1/verifications/{id}", id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.requestId").value(id))
                .andExpect(jsonPath("$.outcome").value("FAILED"))
                .andExpect(jsonPath("$.revision").value(0))
                .andExpect(jsonPath("$.dusun").value("Beji"))
                .andExpect(jsonPath("$.applicant.nikMasked").value("3309**********08"))
                .andExpect(jsonPath("$.applicant.name").value("Wiryo Sumarto"))
                .andExpect(jsonPath("$.checks[1].rule").value("masih-hidup"))
                .andExpect(jsonPath("$.checks[1].passed").value(false))
                .andExpect(jsonPath("$.verifiedAt").isNotEmpty())
                .andExpect(content().string(not(containsString(DECEASED_NIK))));
    }

    @Test
    void anUnknownRequestIsANotFoundProblem() throws Exception {
        mvc.perform(get("/api/v1/verifications/{id}", "tidak-ada"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.type").value("https://desaflow.id/problems/not-found"));
    }
}
