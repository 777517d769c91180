package id.desaflow.notification;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Administrators read every template and override one; an override that could not be filled is refused. */
class TemplateApiTest extends NotificationServiceTestSupport {
    static final String SUBMITTED = "/api/v1/templates/desaflow.request.submitted.v1/EMAIL/id";

    @Test
    void everyMessageTypeChannelAndLanguageIsListedWithItsVariables() throws Exception {
        http.perform(get("/api/v1/templates").with(villageAdmin())).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(15 * 4 * 2));
        http.perform(get("/api/v1/templates").with(villageAdmin()).param("eventType", "desaflow.request.task-created.v1")
                        .param("channel", "SMS").param("language", "en"))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].subject").value("New task: {{taskName}} - {{trackingCode}}"))
                .andExpect(jsonPath("$[0].variables").value(hasItem("dueDate")))
                .andExpect(jsonPath("$[0].overridden").value(false));
        http.perform(get("/api/v1/templates").with(villageAdmin()).param("channel", "FAX").param("language", "jv"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("channel",
                        "language")));
    }

    @Test
    void anOverrideIsUsedForTheNextMessageUntilItIsRemoved() throws Exception {
        try {
            http.perform(put(SUBMITTED).with(kecamatanAdmin())
                            .contentType(MediaType.APPLICATION_JSON).content("""
                                    {"subject": "Kami terima, {{name}} - {{trackingCode}}",
                                     "body": "Halo {{name}}, {{letterType}} Anda kami proses.\\nPantau: {{link}}"}"""))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.overridden").value(true))
                    .andExpect(jsonPath("$.updatedBy").value("admin-andong"));

            String requestId = newRequestId();
            String trackingCode = newTrackingCode();
            String email = newEmail("templat");
            publish(requestId, submitted(requestId, trackingCode, email));

            await().atMost(WAIT).until(() -> TestSmtp.messagesTo(email).size() == 1);
            var mail = TestSmtp.messagesTo(email).get(0);
            assertThat(mail.getSubject()).isEqualTo("Kami terima, Sri Wahyuni - " + trackingCode);
            assertThat(NotificationFlowTest.body(mail)).startsWith("Halo Sri Wahyuni, Surat Keterangan Usaha Anda")
                    .contains("/api/v1/unsubscribe/");
        } finally {
            http.perform(delete(SUBMITTED).with(kecamatanAdmin())).andExpect(status().isNoContent());
        }
        http.perform(get("/api/v1/templates").with(villageAdmin()).param("eventType", "desaflow.request.submitted.v1")
                        .param("channel", "EMAIL").param("language", "id"))
                .andExpect(jsonPath("$[0].overridden").value(false))
                .andExpect(jsonPath("$[0].subject").value(containsString("telah kami terima")));
    }

    @Test
    void anUnknownVariableIsRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        http.perform(put(SUBMITTED).with(kecamatanAdmin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subject\":\"Halo {{nik}}\",\"body\":\"NIK {{nik}}, tanggal {{dueDate}}\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("subject"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("{{nik}}")))
                .andExpect(jsonPath("$.errors[1].field").value("body"))
                .andExpect(jsonPath("$.errors[1].message").value(containsString("{{dueDate}}")));
        http.perform(get("/api/v1/templates").with(villageAdmin()).param("eventType", "desaflow.request.submitted.v1")
                        .param("channel", "EMAIL").param("language", "id"))
                .andExpect(jsonPath("$[0].overridden").value(false));
    }

    @Test
    void badTemplatesAreRefusedNamingEachField() throws Exception {
        http.perform(put(SUBMITTED).with(kecamatanAdmin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subject\":\"Baris satu\\nbaris dua\",\"body\":\"Halo {{ name }}\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("subject", "body")));
        http.perform(put(SUBMITTED).with(kecamatanAdmin()).contentType(MediaType.APPLICATION_JSON).content("{\"subject\":\"Hai\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("body"));
        http.perform(put("/api/v1/templates/desaflow.request.submitted.v1/SMS/id").with(kecamatanAdmin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subject\":\"Hai\",\"body\":\"" + "x".repeat(601) + "\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("body"));
        http.perform(put("/api/v1/templates/desaflow.request.submitted.v1/FAX/jv").with(kecamatanAdmin())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"subject\":\"Hai\",\"body\":\"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("channel",
                        "language")));
        http.perform(put("/api/v1/templates/desaflow.request.unknown.v1/EMAIL/id").with(kecamatanAdmin())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"subject\":\"Hai\",\"body\":\"x\"}"))
                .andExpect(status().isNotFound());
        http.perform(put(SUBMITTED).with(kecamatanAdmin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subject\":\"Hai\",\"body\":\"x\",\"html\":true}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("html"));
    }
}
