package id.desaflow.notification;

import id.desaflow.contracts.events.EventType;
import id.desaflow.notification.delivery.Channel;
import id.desaflow.notification.delivery.Notification;
import id.desaflow.platform.outbox.OutboxMessage;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Residents choose their channels and language, opt out by the link in every message, and read the portal inbox. */
class PreferencesAndInboxTest extends NotificationServiceTestSupport {
    private static final Pattern UNSUBSCRIBE = Pattern.compile("http://localhost:8080(/api/v1/unsubscribe/\\S+)");

    @Autowired
    Pseudonyms pseudonyms;

    @Test
    void withoutAChoiceEveryChannelIsOfferedInTheDefaultOrder() throws Exception {
        http.perform(get("/api/v1/preferences/me").with(resident(newNik())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.channels").value(org.hamcrest.Matchers.contains("EMAIL", "WHATSAPP", "SMS",
                        "IN_APP")))
                .andExpect(jsonPath("$.optedOut").value(false))
                .andExpect(jsonPath("$.language").value("id"))
                .andExpect(jsonPath("$.custom").value(false));
    }

    @Test
    void badPreferencesAreRefusedNamingEachFieldAndNothingIsStored() throws Exception {
        String nik = newNik();
        String key = pseudonyms.residentKey(nik);
        http.perform(put("/api/v1/preferences/{key}", key).with(resident(nik)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"channels\":[],\"language\":\"jv\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("channels",
                        "optedOut", "language")));
        http.perform(put("/api/v1/preferences/{key}", key).with(resident(nik)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"channels\":[\"EMAIL\",\"EMAIL\"],\"optedOut\":false}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("channels"));
        http.perform(put("/api/v1/preferences/{key}", key).with(resident(nik)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"channels\":[\"FAX\"],\"optedOut\":false}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("channels[0]"));
        http.perform(put("/api/v1/preferences/{key}", key).with(resident(nik)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"channels\":[\"EMAIL\"],\"optedOut\":false,\"nik\":\"3309\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("nik"));
        http.perform(get("/api/v1/preferences/{key}", "bukan kunci!").with(resident(nik)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("recipientKey"));

        http.perform(get("/api/v1/preferences/{key}", key).with(resident(nik))).andExpect(jsonPath("$.custom").value(false));
    }

    @Test
    void theLinkInEveryMessageStopsEverythingThatLeavesTheSystemButThePortalInboxStillFills() throws Exception {
        String requestId = newRequestId();
        String email = newEmail("berhenti");
        String phone = newPhone();
        String nik = newNik();
        String key = pseudonyms.residentKey(nik);

        publish(requestId, submitted(requestId, newTrackingCode(), email, phone, nik));
        await().atMost(WAIT).until(() -> TestSmtp.messagesTo(email).size() == 1);
        await().atMost(WAIT).until(() -> TestGateways.whatsAppTo(phone).size() == 1);
        String link = unsubscribeLink(TestSmtp.messagesTo(email).get(0));
        assertThat(TestGateways.whatsAppTo(phone).get(0).getBodyAsString()).contains(link);

        String forged = link.substring(0, link.length() - 1) + (link.endsWith("A") ? "B" : "A");
        http.perform(get(forged)).andExpect(status().isNotFound());
        http.perform(get(link)).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("Pemberitahuan dihentikan")));
        http.perform(post(link)).andExpect(status().isOk());
        http.perform(get("/api/v1/preferences/{key}", key).with(resident(nik))).andExpect(jsonPath("$.optedOut").value(true));

        OutboxMessage issued = publish(requestId, NotificationFlowTest.letterIssued(requestId));
        await().atMost(WAIT).until(() -> notifications.existsById(issued.eventId() + ":IN_APP"));
        awaitDelivered(requestId, Channel.IN_APP, 2);
        assertThat(messagesOf(requestId)).filteredOn(n -> n.causedBy().equals(issued.eventId()))
                .extracting(Notification::channel).containsExactly(Channel.IN_APP);
        assertThat(TestSmtp.messagesTo(email)).hasSize(1);
        assertThat(TestGateways.whatsAppTo(phone)).hasSize(1);
    }

    @Test
    void aResidentWhoChoseEnglishGetsEnglishMessages() throws Exception {
        String requestId = newRequestId();
        String email = newEmail("english");
        String nik = newNik();
        http.perform(put("/api/v1/preferences/me").with(resident(nik))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"channels\":[\"EMAIL\"],\"optedOut\":false,\"language\":\"en\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.custom").value(true));

        publish(requestId, submitted(requestId, newTrackingCode(), email, null, nik));

        await().atMost(WAIT).until(() -> TestSmtp.messagesTo(email).size() == 1);
        MimeMessage mail = TestSmtp.messagesTo(email).get(0);
        assertThat(mail.getSubject()).startsWith("We have received your request");
        assertThat(NotificationFlowTest.body(mail)).contains("Business Certificate", "Do not want these messages");
        assertThat(messagesOf(requestId)).extracting(Notification::channel).containsExactly(Channel.EMAIL);
    }

    @Test
    void theResidentReadsTheirMessagesInThePortalInbox() throws Exception {
        String requestId = newRequestId();
        String trackingCode = newTrackingCode();
        String nik = newNik();
        String key = pseudonyms.residentKey(nik);

        OutboxMessage submitted = publish(requestId, submitted(requestId, trackingCode, null, null, nik));
        String id = submitted.eventId() + ":IN_APP";
        awaitDelivered(requestId, Channel.IN_APP, 1);

        http.perform(get("/api/v1/inbox").with(resident(nik)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value(id))
                .andExpect(jsonPath("$[0].title").value("Permohonan diterima - " + trackingCode))
                .andExpect(jsonPath("$[0].body").value(containsString(trackingCode)))
                .andExpect(jsonPath("$[0].link").value("http://localhost:8080/lacak/" + trackingCode))
                .andExpect(jsonPath("$[0].read").value(false))
                .andExpect(jsonPath("$[0].about").value(EventType.REQUEST_SUBMITTED.type()));
        http.perform(post("/api/v1/inbox/{id}/read", id).with(resident(newNik()))).andExpect(status().isNotFound());
        http.perform(post("/api/v1/inbox/{id}/read", id).with(resident(nik))).andExpect(status().isOk())
                .andExpect(jsonPath("$.read").value(true));
        http.perform(get("/api/v1/inbox").with(resident(nik))).andExpect(jsonPath("$[0].read").value(true));
        http.perform(post("/api/v1/inbox/{id}/read", "tidak-ada").with(resident(nik)))
                .andExpect(status().isNotFound());
        http.perform(get("/api/v1/inbox").with(resident(newNik()))).andExpect(jsonPath("$.length()").value(0));
        http.perform(get("/api/v1/inbox")).andExpect(status().isUnauthorized());
    }

    private static String unsubscribeLink(MimeMessage mail) {
        Matcher m = UNSUBSCRIBE.matcher(NotificationFlowTest.body(mail));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
