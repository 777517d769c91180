package id.desaflow.verification.verification;

import id.desaflow.contracts.events.EventType;
import id.desaflow.verification.ServiceTestSupport;
import id.desaflow.verification.registry.Resident;
import id.desaflow.verification.registry.ResidentStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static id.desaflow.verification.TestResidents.resident;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class VerificationApiTest extends ServiceTestSupport {

    @Autowired
    MockMvc mvc;

    @Test
    void showsOutcomeFindingsRevisionAndTimeWithTheNikMasked() throws Exception {
        Resident deceased = registered(resident("Karto Wiryo").status(ResidentStatus.MENINGGAL).dusun("Candi"));
        String id = newRequestId();
        publish(id, submitted(id, deceased));
        verificationEvents.awaitType(EventType.VERIFICATION_FAILED, id);

        mvc.perform(get("/api/v1/verifications/{id}", id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.requestId").value(id))
                .andExpect(jsonPath("$.outcome").value("FAILED"))
                .andExpect(jsonPath("$.revision").value(0))
                .andExpect(jsonPath("$.checksRevision").value(0))
                .andExpect(jsonPath("$.dusun").value("Candi"))
                .andExpect(jsonPath("$.open").value(false))
                .andExpect(jsonPath("$.pending").doesNotExist())
                .andExpect(jsonPath("$.applicant.nikMasked").value(deceased.nik().substring(0, 4) + "**********"
                        + deceased.nik().substring(14)))
                .andExpect(jsonPath("$.applicant.name").value("Karto Wiryo"))
                .andExpect(jsonPath("$.checks[1].rule").value("masih-hidup"))
                .andExpect(jsonPath("$.checks[1].passed").value(false))
                .andExpect(jsonPath("$.checks[1].outcome").value("FAILED"))
                .andExpect(jsonPath("$.checks[1].kept").value(false))
                .andExpect(jsonPath("$.verifiedAt").isNotEmpty())
                .andExpect(content().string(not(containsString(deceased.nik()))));
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
