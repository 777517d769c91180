package id.desaflow.notification;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.jayway.jsonpath.JsonPath;
import id.desaflow.contracts.events.EventType;
import id.desaflow.contracts.events.NotificationDelivered;
import id.desaflow.contracts.events.NotificationFailed;
import id.desaflow.notification.delivery.Channel;
import id.desaflow.notification.delivery.Notification;
import id.desaflow.notification.delivery.NotificationStatus;
import id.desaflow.platform.identity.Masking;
import id.desaflow.platform.outbox.OutboxMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** SMS (Twilio) and WhatsApp (Cloud API) through WireMock: sending, receipts, failures, fallback, resend. */
class PhoneChannelsTest extends NotificationServiceTestSupport {

    @Autowired
    Pseudonyms pseudonyms;

    @Test
    void aResidentWithAPhoneGetsWhatsAppWhichIsDeliveredByItsSignedReceipt() throws Exception {
        String requestId = newRequestId();
        String trackingCode = newTrackingCode();
        String phone = newPhone();

        OutboxMessage submitted = publish(requestId, submitted(requestId, trackingCode, null, phone, newNik()));

        String id = submitted.eventId() + ":WHATSAPP";
        await().atMost(WAIT).until(() -> TestGateways.whatsAppTo(phone).size() == 1);
        LoggedRequest sent = TestGateways.whatsAppTo(phone).get(0);
        String json = sent.getBodyAsString();
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer " + TestGateways.META_TOKEN);
        assertThat(JsonPath.<String>read(json, "$.messaging_product")).isEqualTo("whatsapp");
        assertThat(JsonPath.<String>read(json, "$.to")).isEqualTo(TestGateways.e164(phone).substring(1));
        assertThat(JsonPath.<String>read(json, "$.type")).isEqualTo("text");
        assertThat(JsonPath.<String>read(json, "$.biz_opaque_callback_data")).isEqualTo(id);
        assertThat(JsonPath.<String>read(json, "$.text.body")).contains("Sri Wahyuni", trackingCode,
                "http://localhost:8080/lacak/" + trackingCode, "Berhenti: http://localhost:8080/api/v1/unsubscribe/");

        Notification accepted = awaitAccepted(id);
        assertThat(accepted.status()).as("waits for Meta's receipt").isEqualTo(NotificationStatus.SENDING);
        assertThat(accepted.providerReference()).startsWith("wamid.");
        assertThat(delivered(requestId, Channel.WHATSAPP)).isEmpty();

        String body = "{\"entry\":[{\"changes\":[{\"value\":{\"statuses\":[{\"id\":\"" + accepted.providerReference()
                + "\",\"status\":\"delivered\",\"biz_opaque_callback_data\":\"" + id + "\"}]}}]}]}";
        http.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/api/v1/providers/whatsapp-cloud/receipts").contentType(MediaType.APPLICATION_JSON)
                        .content(body).header("X-Hub-Signature-256", metaSignature(body + " ")))
                .andExpect(status().isForbidden());
        assertThat(notifications.findById(id).orElseThrow().status()).isEqualTo(NotificationStatus.SENDING);

        whatsAppReports(id, accepted.providerReference(), "delivered", null);
        whatsAppReports(id, accepted.providerReference(), "read", null);

        awaitStatus(id, NotificationStatus.DELIVERED);
        NotificationDelivered event = awaitDelivered(requestId, Channel.WHATSAPP, 1).get(0);
        assertThat(event.recipient()).isEqualTo(Masking.phone(phone)).doesNotContain(phone);
        assertThat(event.notificationId()).isEqualTo(id);
    }

    @Test
    void metaCanSubscribeTheWebhookOnlyWithTheVerifyToken() throws Exception {
        http.perform(get("/api/v1/providers/whatsapp-cloud/receipts").param("hub.mode", "subscribe")
                        .param("hub.verify_token", TestGateways.META_VERIFY).param("hub.challenge", "1158201444"))
                .andExpect(status().isOk()).andExpect(content().string("1158201444"));
        http.perform(get("/api/v1/providers/whatsapp-cloud/receipts").param("hub.mode", "subscribe")
                        .param("hub.verify_token", "salah").param("hub.challenge", "1158201444"))
                .andExpect(status().isForbidden());
        http.perform(get("/api/v1/providers/tidak-ada/receipts")).andExpect(status().isNotFound());
    }

    @Test
    void aResidentWhoPrefersSmsGetsItThroughTwilioWithAStatusCallback() throws Exception {
        String requestId = newRequestId();
        String trackingCode = newTrackingCode();
        String phone = newPhone();
        String nik = newNik();
        prefer(nik, "[\"SMS\"]");

        OutboxMessage submitted = publish(requestId, submitted(requestId, trackingCode, newEmail("sms"), phone, nik));

        String id = submitted.eventId() + ":SMS";
        await().atMost(WAIT).until(() -> TestGateways.smsTo(phone).size() == 1);
        Map<String, String> form = form(TestGateways.smsTo(phone).get(0));
        assertThat(form).containsEntry("To", TestGateways.e164(phone))
                .containsEntry("From", TestGateways.TWILIO_SENDER)
                .containsEntry("StatusCallback", TestGateways.RECEIPTS_BASE
                        + "/api/v1/providers/twilio/receipts?notification=" + submitted.eventId() + "%3ASMS");
        assertThat(form.get("Body")).contains(trackingCode, "Berhenti: ");
        assertThat(TestGateways.smsTo(phone).get(0).getHeader("Authorization")).startsWith("Basic ");
        Notification accepted = awaitAccepted(id);
        assertThat(accepted.providerReference()).startsWith("SM");
        assertThat(messagesOf(requestId)).as("only the chosen channel").extracting(Notification::channel)
                .containsExactly(Channel.SMS);

        twilioReports(form.get("StatusCallback"), accepted.providerReference(), "sent", null);
        assertThat(notifications.findById(id).orElseThrow().status()).isEqualTo(NotificationStatus.SENDING);
        twilioReports(form.get("StatusCallback"), accepted.providerReference(), "delivered", null);

        awaitStatus(id, NotificationStatus.DELIVERED);
        assertThat(awaitDelivered(requestId, Channel.SMS, 1).get(0).recipient()).isEqualTo(Masking.phone(phone));
    }

    @Test
    void aTemporaryFailureIsRetriedWithBackoffThenDelivered() {
        String requestId = newRequestId();
        String phone = newPhone();
        String scenario = "flaky-" + phone;
        TestGateways.SERVER.stubFor(post(urlPathEqualTo(TestGateways.META_PATH)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.to", com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                        TestGateways.e164(phone).substring(1))))
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("recovered")
                .willReturn(aResponse().withStatus(503).withBody("{\"error\":{\"code\":131016,\"message\":"
                        + "\"Service unavailable\"}}")));
        TestGateways.SERVER.stubFor(post(urlPathEqualTo(TestGateways.META_PATH)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.to", com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                        TestGateways.e164(phone).substring(1))))
                .inScenario(scenario).whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"messages\":[{\"id\":\"wamid.retried\"}]}")));

        OutboxMessage submitted = publish(requestId, submitted(requestId, newTrackingCode(), null, phone, newNik()));

        Notification accepted = awaitAccepted(submitted.eventId() + ":WHATSAPP");
        assertThat(accepted.providerReference()).isEqualTo("wamid.retried");
        assertThat(accepted.attempts()).isEqualTo(2);
        assertThat(TestGateways.whatsAppTo(phone)).hasSize(2);
        assertThat(recorder().events(EventType.NOTIFICATION_FAILED, requestId)).isEmpty();
    }

    @Test
    void aPermanentFailureFallsBackToTheNextChannelOnlyOnce() {
        String requestId = newRequestId();
        String phone = newPhone();
        TestGateways.whatsAppAnswersFor(phone, aResponse().withStatus(400).withBody(
                "{\"error\":{\"message\":\"Message undeliverable.\",\"type\":\"OAuthException\",\"code\":131026}}"));
        TestGateways.twilioAnswersFor(phone, aResponse().withStatus(400).withBody("{\"code\":21614,\"message\":"
                + "\"'To' number " + TestGateways.e164(phone) + " is not a valid mobile number\",\"status\":400}"));

        OutboxMessage submitted = publish(requestId, submitted(requestId, newTrackingCode(), null, phone, newNik()));

        String whatsApp = submitted.eventId() + ":WHATSAPP";
        String sms = submitted.eventId() + ":SMS";
        awaitStatus(whatsApp, NotificationStatus.PERMANENT_FAILURE);
        Notification fallback = awaitStatus(sms, NotificationStatus.PERMANENT_FAILURE);
        assertThat(fallback.fallbackOf()).isEqualTo(whatsApp);
        assertThat(fallback.lastError()).contains("21614").doesNotContain(TestGateways.e164(phone));
        // each failure published once, also when the relay publishes it before the fallback is planned (the
        // test context's follow-ups wait for that); saving the failure again used to publish it a second time
        await().atMost(WAIT).until(() -> recorder().events(EventType.NOTIFICATION_FAILED, requestId).size() >= 2);
        assertThat(recorder().events(EventType.NOTIFICATION_FAILED, requestId)).extracting(
                e -> payload(e, NotificationFailed.class).channel()).containsExactlyInAnyOrder("WHATSAPP", "SMS");

        // the fallback does not fall back again: still one try per channel, and the portal has the message
        awaitDelivered(requestId, Channel.IN_APP, 1);
        assertThat(messagesOf(requestId)).extracting(Notification::channel)
                .containsExactlyInAnyOrder(Channel.WHATSAPP, Channel.SMS, Channel.IN_APP);
        assertThat(TestGateways.whatsAppTo(phone)).hasSize(1);
        assertThat(TestGateways.smsTo(phone)).hasSize(1);
    }

    @Test
    void noFallbackWhenAnotherChannelAlreadyReachesThePerson() {
        String requestId = newRequestId();
        String phone = newPhone();
        String email = newEmail("ada-email");
        TestGateways.whatsAppAnswersFor(phone, aResponse().withStatus(400).withBody(
                "{\"error\":{\"message\":\"Message undeliverable.\",\"code\":131026}}"));

        OutboxMessage submitted = publish(requestId, submitted(requestId, newTrackingCode(), email, phone, newNik()));

        awaitStatus(submitted.eventId() + ":WHATSAPP", NotificationStatus.PERMANENT_FAILURE);
        awaitDelivered(requestId, Channel.EMAIL, 1);
        await().atMost(WAIT).until(() -> notifications.findById(submitted.eventId() + ":WHATSAPP").orElseThrow()
                .followUpPending() == false);
        assertThat(messagesOf(requestId)).extracting(Notification::channel)
                .containsExactlyInAnyOrder(Channel.EMAIL, Channel.WHATSAPP, Channel.IN_APP);
        assertThat(TestGateways.smsTo(phone)).isEmpty();
    }

    @Test
    void anUndeliveredReceiptFallsBackToTheNextChannelInTheResidentsOrder() throws Exception {
        String requestId = newRequestId();
        String phone = newPhone();
        String nik = newNik();
        prefer(nik, "[\"SMS\",\"WHATSAPP\"]");

        OutboxMessage submitted = publish(requestId, submitted(requestId, newTrackingCode(), null, phone, nik));

        String sms = submitted.eventId() + ":SMS";
        Notification accepted = awaitAccepted(sms);
        assertThat(TestGateways.whatsAppTo(phone)).as("WhatsApp is only the fallback").isEmpty();
        twilioReports(form(TestGateways.smsTo(phone).get(0)).get("StatusCallback"), accepted.providerReference(),
                "undelivered", "30005");

        Notification failed = awaitStatus(sms, NotificationStatus.PERMANENT_FAILURE);
        assertThat(failed.lastError()).contains("30005");
        Notification fallback = awaitAccepted(submitted.eventId() + ":WHATSAPP");
        assertThat(fallback.fallbackOf()).isEqualTo(sms);
        assertThat(TestGateways.whatsAppTo(phone)).hasSize(1);
    }

    @Test
    void aFailedSmsCanBeResentByAnAdministratorOnceTheNumberWorks() throws Exception {
        String requestId = newRequestId();
        String phone = newPhone();
        String nik = newNik();
        prefer(nik, "[\"SMS\"]");
        TestGateways.twilioAnswersFor(phone, aResponse().withStatus(401).withBody(
                "{\"code\":20003,\"message\":\"Authenticate\",\"status\":401}"));

        OutboxMessage submitted = publish(requestId, submitted(requestId, newTrackingCode(), null, phone, nik));

        String sms = submitted.eventId() + ":SMS";
        Notification failed = awaitStatus(sms, NotificationStatus.TECHNICAL_FAILURE);
        assertThat(failed.lastError()).contains("20003");
        NotificationFailed event = payload(recorder().awaitType(EventType.NOTIFICATION_FAILED, requestId),
                NotificationFailed.class);
        assertThat(event.channel()).isEqualTo("SMS");
        assertThat(event.recipient()).isEqualTo(Masking.phone(phone));

        TestGateways.twilioAnswersFor(phone, aResponse().withStatus(201).withHeader("Content-Type",
                "application/json").withBody("{\"sid\":\"SMresent\",\"status\":\"queued\"}"));
        http.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/api/v1/notifications/{id}/resend", sms).with(villageAdmin()))
                .andExpect(status().isAccepted());

        Notification resent = awaitAccepted(sms);
        assertThat(resent.providerReference()).isEqualTo("SMresent");
        assertThat(resent.resentBy()).isEqualTo("admin-beji");
        assertThat(TestGateways.smsTo(phone)).hasSize(2);
    }

    private Notification awaitAccepted(String id) {
        await().atMost(WAIT).until(() -> notifications.findById(id).map(Notification::providerReference)
                .orElse(null) != null);
        return notifications.findById(id).orElseThrow();
    }

    private void prefer(String nik, String channels) throws Exception {
        http.perform(put("/api/v1/preferences/me").with(resident(nik))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"channels\":" + channels + ",\"optedOut\":false}"))
                .andExpect(status().isOk());
    }

    private static Map<String, String> form(LoggedRequest request) {
        return TestGateways.form(request);
    }
}
