package id.desaflow.notification;

import id.desaflow.contracts.events.ApprovalTaskCreated;
import id.desaflow.contracts.events.CheckResult;
import id.desaflow.contracts.events.EventType;
import id.desaflow.contracts.events.LetterIssued;
import id.desaflow.contracts.events.LetterRevoked;
import id.desaflow.contracts.events.NotificationDelivered;
import id.desaflow.contracts.events.NotificationFailed;
import id.desaflow.contracts.events.RequestCancelled;
import id.desaflow.contracts.events.RequestRejected;
import id.desaflow.contracts.events.RequestReturnedForRevision;
import id.desaflow.contracts.events.RequestRevised;
import id.desaflow.contracts.events.RequestSubmitted;
import id.desaflow.contracts.events.RequestVerified;
import id.desaflow.contracts.events.RevisionRequested;
import id.desaflow.contracts.events.VerificationFailed;
import id.desaflow.contracts.events.VerificationPostponed;
import id.desaflow.notification.delivery.Channel;
import id.desaflow.notification.delivery.Notification;
import id.desaflow.notification.delivery.NotificationStatus;
import id.desaflow.platform.identity.Masking;
import id.desaflow.platform.outbox.OutboxMessage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Residents' messages by e-mail (GreenMail) end to end: events in, mails out, outcomes published. */
class NotificationFlowTest extends NotificationServiceTestSupport {
    static final String LETTER_NUMBER = "500/045/3309012004/VIII/2026";

    @Autowired
    MeterRegistry meters;
    @Autowired
    MongoTemplate mongo;

    @Test
    void submittedThenLetterIssuedSendsTheTwoIndonesianMailsAndReportsThemDelivered() throws Exception {
        String requestId = newRequestId();
        String trackingCode = newTrackingCode();
        String email = newEmail("sri");

        OutboxMessage submitted = publish(requestId, submitted(requestId, trackingCode, email));
        OutboxMessage issued = publish(requestId, letterIssued(requestId));

        await().atMost(WAIT).until(() -> TestSmtp.messagesTo(email).size() == 2);
        List<NotificationDelivered> delivered = awaitDelivered(requestId, Channel.EMAIL, 2);

        MimeMessage received = mailAbout(email, "Permohonan Anda telah kami terima");
        assertThat(received.getSubject()).contains(trackingCode);
        assertThat(body(received)).contains("Yth. Sri Wahyuni", "Surat Keterangan Usaha", trackingCode,
                "http://localhost:8080/lacak/" + trackingCode, "http://localhost:8080/api/v1/unsubscribe/");
        assertThat(received.getFrom()[0].toString()).contains("layanan@beji.desa.id");
        assertThat(received.getHeader("List-Unsubscribe")[0]).startsWith("<http://localhost:8080/api/v1/unsubscribe/");
        assertThat(received.getMessageID()).isEqualTo("<" + submitted.eventId() + ".EMAIL@beji.desa.id>");

        MimeMessage letter = mailAbout(email, "Surat Anda sudah terbit");
        assertThat(letter.getSubject()).contains(LETTER_NUMBER);
        assertThat(body(letter)).contains(LETTER_NUMBER, trackingCode, "siap diambil",
                "http://localhost:8080/lacak/" + trackingCode);
        assertThat(TestSmtp.messagesTo(email)).hasSize(2);

        assertThat(delivered).extracting(NotificationDelivered::notificationId).containsExactlyInAnyOrder(
                submitted.eventId() + ":EMAIL", issued.eventId() + ":EMAIL");
        assertThat(delivered).extracting(NotificationDelivered::about).containsExactlyInAnyOrder(
                EventType.REQUEST_SUBMITTED.type(), EventType.LETTER_ISSUED.type());
        assertThat(delivered).allSatisfy(d -> assertThat(d.recipient()).isEqualTo(Masking.email(email)));
        // the portal inbox got both too: the resident has no phone, so e-mail + in-app
        awaitDelivered(requestId, Channel.IN_APP, 2);

        http.perform(get("/api/v1/notifications").with(villageAdmin()).param("requestId", requestId)
                        .param("channel", "EMAIL"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[*].status").value(everyItem(is("DELIVERED"))))
                .andExpect(jsonPath("$[*].recipient").value(everyItem(is(Masking.email(email)))))
                .andExpect(jsonPath("$[*].attempts").value(everyItem(is(1))))
                .andExpect(jsonPath("$[*].provider").value(everyItem(is("smtp"))));
    }

    @Test
    void aRedeliveredEventSendsNoSecondMail() throws Exception {
        String requestId = newRequestId();
        String trackingCode = newTrackingCode();
        String email = newEmail("budi");

        OutboxMessage submitted = OutboxMessage.of(requestId, submitted(requestId, trackingCode, email));
        publisher.publish(submitted);
        publisher.publish(submitted);
        publisher.publish(submitted);
        // same key, same partition: once this one is handled, the repeats before it were handled too
        OutboxMessage marker = publish(requestId, new RequestCancelled(requestId, "Salah pilih jenis surat",
                Instant.now()));

        await().atMost(WAIT).until(() -> TestSmtp.messagesTo(email).stream()
                .anyMatch(m -> subject(m).contains("dibatalkan")));
        awaitDelivered(requestId, Channel.EMAIL, 2);
        awaitDelivered(requestId, Channel.IN_APP, 2);

        assertThat(TestSmtp.messagesTo(email)).extracting(NotificationFlowTest::subject)
                .filteredOn(s -> s.contains("telah kami terima")).hasSize(1);
        assertThat(TestSmtp.messagesTo(email)).hasSize(2);
        assertThat(body(mailAbout(email, "dibatalkan"))).contains("Salah pilih jenis surat");
        assertThat(messagesOf(requestId)).extracting(Notification::id).containsExactlyInAnyOrder(
                submitted.eventId() + ":EMAIL", submitted.eventId() + ":IN_APP", marker.eventId() + ":EMAIL",
                marker.eventId() + ":IN_APP");
    }

    @Test
    void aLetterIssuedBeforeTheSubmissionIsDeliveredOnceTheContactsArrive() {
        String requestId = newRequestId();
        String trackingCode = newTrackingCode();
        String email = newEmail("wati");
        double waitsBefore = unknownRecipientWaits();

        publish(requestId, letterIssued(requestId));
        await().atMost(WAIT).until(() -> unknownRecipientWaits() > waitsBefore);
        assertThat(TestSmtp.messagesTo(email)).isEmpty();

        publish(requestId, submitted(requestId, trackingCode, email));

        await().atMost(WAIT).until(() -> TestSmtp.messagesTo(email).size() == 2);
        awaitDelivered(requestId, Channel.EMAIL, 2);
        assertThat(body(mailAbout(email, "Surat Anda sudah terbit"))).contains(LETTER_NUMBER, trackingCode);
        assertThat(TestSmtp.messagesTo(email)).hasSize(2);
    }

    @Test
    void whileTheMailServerIsDownMessagesWaitAndAreDeliveredWhenItIsBack() {
        String requestId = newRequestId();
        String trackingCode = newTrackingCode();
        String email = newEmail("joko");

        TestSmtp.stop();
        try {
            publish(requestId, submitted(requestId, trackingCode, email));
            await().atMost(WAIT).until(() -> emailOf(requestId).status() == NotificationStatus.TEMPORARY_FAILURE);
            Notification waiting = emailOf(requestId);
            assertThat(waiting.attempts()).isPositive();
            assertThat(waiting.lastError()).isNotBlank();
            assertThat(recorder().events(EventType.NOTIFICATION_FAILED, requestId)).isEmpty();
        } finally {
            TestSmtp.start();
        }

        await().atMost(WAIT).until(() -> TestSmtp.messagesTo(email).size() == 1);
        awaitDelivered(requestId, Channel.EMAIL, 1);
        assertThat(subject(TestSmtp.messagesTo(email).get(0))).contains(trackingCode);
        assertThat(recorder().events(EventType.NOTIFICATION_FAILED, requestId)).isEmpty();
    }

    @Test
    void aRecipientTheServerRefusesFailsPermanentlyAndCanBeResentOnceFixed() throws Exception {
        String requestId = newRequestId();
        String email = newEmail("ditolak");
        TestSmtp.refuse(email);

        publish(requestId, submitted(requestId, newTrackingCode(), email));

        NotificationFailed failed = payload(recorder().awaitType(EventType.NOTIFICATION_FAILED, requestId),
                NotificationFailed.class);
        assertThat(failed.recipient()).isEqualTo(Masking.email(email));
        assertThat(failed.reason()).contains("550").doesNotContain(email);
        assertThat(failed.about()).isEqualTo(EventType.REQUEST_SUBMITTED.type());
        assertThat(failed.channel()).isEqualTo("EMAIL");
        Notification refused = awaitStatus(failed.notificationId(), NotificationStatus.PERMANENT_FAILURE);
        assertThat(refused.attempts()).isEqualTo(1);
        assertThat(TestSmtp.messagesTo(email)).isEmpty();
        assertThat(delivered(requestId, Channel.EMAIL)).isEmpty();
        http.perform(get("/api/v1/notifications").with(villageAdmin()).param("status", "FAILED")
                        .param("channel", "EMAIL")
                        .param("size", "200"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '" + failed.notificationId() + "')].status")
                        .value("PERMANENT_FAILURE"));

        TestSmtp.accept(email);
        http.perform(post("/api/v1/notifications/{id}/resend", failed.notificationId())
                        .with(villageAdmin()))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.resentBy").value("admin-beji"));

        awaitDelivered(requestId, Channel.EMAIL, 1);
        assertThat(TestSmtp.messagesTo(email)).hasSize(1);
        http.perform(post("/api/v1/notifications/{id}/resend", failed.notificationId()).with(villageAdmin()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.status").value("DELIVERED"));
    }

    @Test
    void everyResidentFacingEventGetsItsMessageAndOfficialsEventsAreNotForTheResident() throws Exception {
        String requestId = newRequestId();
        String trackingCode = newTrackingCode();
        String email = newEmail("ani");
        RequestSubmitted submitted = submitted(requestId, trackingCode, email);

        publish(requestId, submitted);
        publish(requestId, new VerificationPostponed(requestId, trackingCode, 0, "Dukcapil tidak menjawab",
                Instant.now()));
        publish(requestId, new VerificationPostponed(requestId, trackingCode, 0, "Dukcapil tidak menjawab lagi",
                Instant.now()));
        publish(requestId, new RequestReturnedForRevision(requestId, trackingCode, LETTER_TYPE, VILLAGE, 0, List.of(
                new CheckResult("lampiran-ktp", false, "Foto KTP tidak terbaca, unggah ulang"),
                new CheckResult("nik-terdaftar", true, "NIK ok")), Instant.now()));
        publish(requestId, new RequestVerified(requestId, trackingCode, LETTER_TYPE, VILLAGE, "Bulu", 0,
                submitted.applicant(), submitted.data(), List.of(new CheckResult("nik-terdaftar", true, "NIK ok")),
                Instant.now()));
        publish(requestId, new ApprovalTaskCreated(requestId, "task-1", "Periksa berkas", "kasi-pelayanan",
                "desa:" + VILLAGE + ":kasi-pelayanan", VILLAGE, null, Instant.now()));
        publish(requestId, new RevisionRequested(requestId, "Periksa berkas",
                "Foto tempat usaha kurang jelas, unggah ulang.", Instant.now()));
        publish(requestId, new VerificationFailed(requestId, trackingCode, 1, List.of(
                new CheckResult("domisili", false, "Alamat tidak berada di Desa Beji"),
                new CheckResult("nik-terdaftar", true, "NIK ok")), Instant.now()));
        publish(requestId, new RequestRejected(requestId, "Tanda tangan kepala desa", "Usaha belum berjalan",
                Instant.now()));
        publish(requestId, new LetterRevoked(requestId, LETTER_NUMBER, "Data usaha tidak benar", "admin-beji",
                Instant.now()));

        await().atMost(WAIT).until(() -> TestSmtp.messagesTo(email).size() == 8);
        awaitDelivered(requestId, Channel.EMAIL, 8);
        assertThat(body(mailAbout(email, "sedikit tertunda"))).contains("tidak ditolak");
        assertThat(body(mailAbout(email, "perlu Anda lengkapi")))
                .contains("- Foto KTP tidak terbaca, unggah ulang").doesNotContain("NIK ok");
        assertThat(body(mailAbout(email, "telah terverifikasi"))).contains("menunggu persetujuan");
        assertThat(body(mailAbout(email, "perlu diperbaiki"))).contains("Foto tempat usaha kurang jelas");
        assertThat(body(mailAbout(email, "tidak lolos verifikasi")))
                .contains("- Alamat tidak berada di Desa Beji").doesNotContain("NIK ok");
        assertThat(body(mailAbout(email, "ditolak"))).contains("Usaha belum berjalan");
        assertThat(body(mailAbout(email, "dicabut"))).contains(LETTER_NUMBER, "Data usaha tidak benar");
        assertThat(TestSmtp.messagesTo(email)).as("postponed is told once, the task is not the resident's")
                .hasSize(8);
    }

    @Test
    void aResidentWithoutContactsIsToldInThePortalOnly() throws Exception {
        String requestId = newRequestId();
        String trackingCode = newTrackingCode();
        RequestSubmitted noContacts = submitted(requestId, trackingCode, null);

        publish(requestId, noContacts);
        // a later event of the same partition: once its effect is visible, the submission was handled
        publish(requestId, new RequestRevised(requestId, trackingCode, LETTER_TYPE, VILLAGE, 1,
                noContacts.applicant(), noContacts.data(), Instant.now()));
        await().atMost(WAIT).until(() -> mongo.exists(Query.query(Criteria.where("_id").is(requestId)
                .and("revision").is(1)), "recipients"));

        awaitDelivered(requestId, Channel.IN_APP, 1);
        assertThat(messagesOf(requestId)).extracting(Notification::channel).containsExactly(Channel.IN_APP);
        assertThat(recorder().events(EventType.NOTIFICATION_FAILED, requestId)).isEmpty();
    }

    private Notification emailOf(String requestId) {
        return messagesOf(requestId).stream().filter(n -> n.channel() == Channel.EMAIL).findFirst()
                .orElseThrow(() -> new AssertionError("no e-mail for " + requestId));
    }

    private double unknownRecipientWaits() {
        return meters.find("desaflow.notification.recipient.unknown").counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    static LetterIssued letterIssued(String requestId) {
        return new LetterIssued(requestId, LETTER_NUMBER, LETTER_TYPE, VILLAGE, "Suyanto", "Kepala Desa",
                Instant.now());
    }

    static MimeMessage mailAbout(String email, String subjectPart) {
        return TestSmtp.messagesTo(email).stream().filter(m -> subject(m).contains(subjectPart)).findFirst()
                .orElseThrow(() -> new AssertionError("No mail to " + email + " about " + subjectPart));
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String body(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
