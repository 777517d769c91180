package id.desaflow.notification;

import com.github.tomakehurst.wiremock.client.WireMock;
import id.desaflow.contracts.events.OneTimeCodeRequested;
import id.desaflow.notification.delivery.Audience;
import id.desaflow.notification.delivery.Channel;
import id.desaflow.notification.delivery.Notification;
import id.desaflow.notification.delivery.NotificationStatus;
import id.desaflow.platform.identity.Masking;
import id.desaflow.platform.outbox.OutboxMessage;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Residents' one-time codes (identity asks, we deliver): once, on the asked channel, never shown or logged. */
@ExtendWith(OutputCaptureExtension.class)
class OneTimeCodeTest extends NotificationServiceTestSupport {

    @Test
    void aCodeGoesOnceBySmsAndOnlyItsLastDigitsAreEverShown(CapturedOutput output) throws Exception {
        String phone = newPhone();
        String account = "acc-" + UUID.randomUUID();
        String code = "482913";
        OutboxMessage asked = publish(account, new OneTimeCodeRequested(account, "SMS", phone, code, "id",
                Instant.now().plus(Duration.ofMinutes(10)), Instant.now()));
        publisher.publish(asked); // redelivered: same event id

        await().atMost(WAIT).until(() -> TestGateways.smsTo(phone).size() == 1);
        Map<String, String> form = TestGateways.form(TestGateways.smsTo(phone).get(0));
        assertThat(form.get("Body")).contains("Kode verifikasi layanan desa: 482913", "Berlaku 10 menit")
                .doesNotContain("unsubscribe");
        String id = Notification.idFor(asked.eventId(), Audience.ACCOUNT, account, Channel.SMS);
        await().atMost(WAIT).until(() -> notifications.findById(id).map(Notification::providerReference)
                .isPresent());
        twilioReports(form.get("StatusCallback"), notifications.findById(id).orElseThrow().providerReference(),
                "delivered", null);
        awaitStatus(id, NotificationStatus.DELIVERED);

        http.perform(get("/api/v1/notifications").param("recipientKey", account).with(kecamatanAdmin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].recipient").value(Masking.phone(phone)))
                .andExpect(jsonPath("$[0].body").value(org.hamcrest.Matchers.containsString("\u2022\u2022\u2022\u202213")))
                .andExpect(jsonPath("$[0].body").value(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString(code))));
        Notification stored = notifications.findById(id).orElseThrow();
        assertThat(stored.body()).as("erased once delivered").doesNotContain(code);
        assertThat(stored.variables().values()).noneMatch(v -> v.contains(code));
        await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> TestGateways.smsTo(phone).size() == 1);
        http.perform(post("/api/v1/notifications/{id}/resend", id).with(kecamatanAdmin())).andExpect(status().isConflict());

        recorder().poll();
        assertThat(recorder().events()).as("no event carries the code or the number").noneMatch(e -> {
            String data = new String(e.data(), java.nio.charset.StandardCharsets.UTF_8);
            return !data.contains("\"accountId\"") && (data.contains(code) || data.contains(phone.substring(1)));
        });
        assertThat(ours(output)).doesNotContain(code).doesNotContain(phone.substring(1));
    }

    @Test
    void aCodeByEmailIgnoresAnOptOutAndCarriesNoUnsubscribeLink(CapturedOutput output) throws Exception {
        String email = newEmail("pin");
        String account = "acc-" + UUID.randomUUID();
        http.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .put("/api/v1/preferences/me").with(actor(account))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{\"channels\":[\"IN_APP\"],\"optedOut\":true}")).andExpect(status().isOk());

        publish(account, new OneTimeCodeRequested(account, "EMAIL", email, "905517", "en",
                Instant.now().plus(Duration.ofMinutes(5)), Instant.now()));

        await().atMost(WAIT).until(() -> TestSmtp.messagesTo(email).size() == 1);
        MimeMessage mail = TestSmtp.messagesTo(email).get(0);
        assertThat(mail.getSubject()).isEqualTo("Verification code of the village letter service");
        assertThat(mail.getContent().toString()).contains("Your verification code: 905517", "5 minutes")
                .doesNotContain("unsubscribe");
        assertThat(ours(output)).contains("One-time code event").doesNotContain("905517").doesNotContain(email);
    }

    @Test
    void aCodeThatExpiresBeforeItCanGoOutIsNeverSent() {
        String expiredPhone = newPhone();
        String account = "acc-" + UUID.randomUUID();
        OutboxMessage expired = publish(account, new OneTimeCodeRequested(account, "SMS", expiredPhone, "111111", "id",
                Instant.now().minusSeconds(1), Instant.now().minus(Duration.ofMinutes(5))));

        // Twilio is down for this number until the code has expired: retried, then dropped, never sent late
        String phone = newPhone();
        TestGateways.twilioAnswersFor(phone, WireMock.aResponse().withStatus(503));
        String other = "acc-" + UUID.randomUUID();
        OutboxMessage asked = publish(other, new OneTimeCodeRequested(other, "SMS", phone, "222222", "id",
                Instant.now().plusSeconds(2), Instant.now()));
        String id = Notification.idFor(asked.eventId(), Audience.ACCOUNT, other, Channel.SMS);
        Notification dropped = awaitStatus(id, NotificationStatus.PERMANENT_FAILURE);
        assertThat(dropped.lastError()).contains("kedaluwarsa");
        assertThat(dropped.body()).doesNotContain("222222");
        assertThat(TestGateways.smsTo(phone)).as("tried while valid").isNotEmpty();
        assertThat(TestGateways.smsTo(expiredPhone)).isEmpty();
        assertThat(notifications.findByCausedByAndRecipientKey(expired.eventId(), account)).isEmpty();
    }

    /** What this service logged (the test SMTP server logs addresses itself). */
    private static String ours(CapturedOutput output) {
        return output.getAll().lines().filter(l -> l.contains(" i.d.n.") || l.contains("id.desaflow"))
                .collect(java.util.stream.Collectors.joining("\n"));
    }
}
