package id.desaflow.notification;

import com.jayway.jsonpath.JsonPath;
import id.desaflow.contracts.events.ApprovalTaskCreated;
import id.desaflow.contracts.events.CheckResult;
import id.desaflow.contracts.events.EventJson;
import id.desaflow.contracts.events.EventType;
import id.desaflow.contracts.events.LetterIssued;
import id.desaflow.contracts.events.NotificationDelivered;
import id.desaflow.contracts.events.NotificationFailed;
import id.desaflow.contracts.events.RequestCancelled;
import id.desaflow.contracts.events.RequestRejected;
import id.desaflow.contracts.events.RequestRevised;
import id.desaflow.contracts.events.RequestSubmitted;
import id.desaflow.contracts.events.RequestVerified;
import id.desaflow.contracts.events.RevisionRequested;
import id.desaflow.contracts.events.VerificationFailed;
import id.desaflow.platform.identity.Masking;
import id.desaflow.platform.messaging.IncomingEvent;
import id.desaflow.platform.outbox.OutboxMessage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class NotificationFlowTest extends NotificationServiceTestSupport {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final String LETTER_NUMBER = "500/045/3309012004/VIII/2026";

    @Autowired
    MockMvc http;
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
        List<NotificationDelivered> delivered = awaitDelivered(requestId, 2);

        MimeMessage received = mailAbout(email, "Permohonan Anda telah kami terima");
        assertThat(received.getSubject()).contains(trackingCode);
        assertThat(body(received)).contains("Yth. Sri Wahyuni", "Surat Keterangan Usaha", trackingCode,
                "http://localhost:8080/lacak/" + trackingCode);
        assertThat(received.getFrom()[0].toString()).contains("layanan@beji.desa.id");

        MimeMessage letter = mailAbout(email, "Surat Anda sudah terbit");
        assertThat(letter.getSubject()).contains(LETTER_NUMBER);
        assertThat(body(letter)).contains(LETTER_NUMBER, trackingCode, "siap diambil",
                "http://localhost:8080/lacak/" + trackingCode);
        assertThat(TestSmtp.messagesTo(email)).hasSize(2);

        assertThat(delivered).extracting(NotificationDelivered::notificationId).containsExactlyInAnyOrder(
                submitted.eventId() + ":EMAIL", issued.eventId() + ":EMAIL");
        assertThat(delivered).extracting(NotificationDelivered::about).containsExactlyInAnyOrder(
                EventType.REQUEST_SUBMITTED.type(), EventType.LETTER_ISSUED.type());
        assertThat(delivered).allSatisfy(d -> {
            assertThat(d.recipient()).isEqualTo(Masking.email(email)).doesNotContain(email);
            assertThat(d.channel()).isEqualTo("EMAIL");
        });

        http.perform(get("/api/v1/notifications").param("requestId", requestId))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[*].status").value(everyItem(
                        is("DELIVERED"))))
                .andExpect(jsonPath("$[*].recipient").value(everyItem(
                        is(Masking.email(email)))))
                .andExpect(jsonPath("$[*].attempts").value(everyItem(
                        is(1))))
                // the two events travel on different topics, so either may be queued first
                .andExpect(jsonPath("$[*].about").value(containsInAnyOrder(
                        EventType.REQUEST_SUBMITTED.type(), EventType.LETTER_ISSUED.type())));
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
        awaitDelivered(requestId, 2);

        assertThat(TestSmtp.messagesTo(email)).extracting(NotificationFlowTest::subject)
                .filteredOn(s -> s.contains("telah kami terima")).hasSize(1);
        assertThat(TestSmtp.messagesTo(email)).hasSize(2);
        assertThat(body(mailAbout(email, "dibatalkan"))).contains("Salah pilih jenis surat");
        http.perform(get("/api/v1/notifications").param("requestId", requestId))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[*].id").value(containsInAnyOrder(
                        submitted.eventId() + ":EMAIL", marker.eventId() + ":EMAIL")));
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
        awaitDelivered(requestId, 2);
        assertThat(body(mailAbout(email, "Surat Anda sudah terbit"))).contains(LETTER_NUMBER, trackingCode);
        assertThat(TestSmtp.messagesTo(email)).hasSize(2);
    }

    @Test
    void whileTheMailServerIsDownMessagesWaitAndAreDeliveredWhenItIsBack() throws Exception {
        String requestId = newRequestId();
        String trackingCode = newTrackingCode();
        String email = newEmail("joko");

        TestSmtp.stop();
        try {
            publish(requestId, submitted(requestId, trackingCode, email));
            await().atMost(WAIT).until(() -> notificationsOf(requestId).contains("\"TEMPORARY_FAILURE\""));
            String log = notificationsOf(requestId);
            assertThat(JsonPath.<Integer>read(log, "$[0].attempts")).isPositive();
            assertThat(JsonPath.<String>read(log, "$[0].lastError")).isNotBlank();
            assertThat(recorder().events(EventType.NOTIFICATION_FAILED, requestId)).isEmpty();
        } finally {
            TestSmtp.start();
        }

        await().atMost(WAIT).until(() -> TestSmtp.messagesTo(email).size() == 1);
        awaitDelivered(requestId, 1);
        await().atMost(WAIT).until(() -> notificationsOf(requestId).contains("\"DELIVERED\""));
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
        await().atMost(WAIT).until(() -> notificationsOf(requestId).contains("\"PERMANENT_FAILURE\""));
        assertThat(JsonPath.<Integer>read(notificationsOf(requestId), "$[0].attempts")).isEqualTo(1);
        assertThat(notificationsOf(requestId)).doesNotContain(email);
        assertThat(TestSmtp.messagesTo(email)).isEmpty();
        assertThat(recorder().events(EventType.NOTIFICATION_DELIVERED, requestId)).isEmpty();

        TestSmtp.accept(email);
        http.perform(post("/api/v1/notifications/{id}/resend", failed.notificationId())
                        .header("X-DesaFlow-User", "admin-beji"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.resentBy").value("admin-beji"));

        awaitDelivered(requestId, 1);
        assertThat(TestSmtp.messagesTo(email)).hasSize(1);
        http.perform(post("/api/v1/notifications/{id}/resend", failed.notificationId()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.status").value("DELIVERED"));
    }

    @Test
    void everyResidentFacingEventGetsItsMessageAndOfficialsEventsAreIgnored() throws Exception {
        String requestId = newRequestId();
        String trackingCode = newTrackingCode();
        String email = newEmail("ani");
        RequestSubmitted submitted = submitted(requestId, trackingCode, email);

        publish(requestId, submitted);
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

        await().atMost(WAIT).until(() -> TestSmtp.messagesTo(email).size() == 5);
        awaitDelivered(requestId, 5);
        assertThat(body(mailAbout(email, "telah terverifikasi"))).contains("menunggu persetujuan");
        assertThat(body(mailAbout(email, "perlu diperbaiki"))).contains("Foto tempat usaha kurang jelas");
        assertThat(body(mailAbout(email, "tidak lolos verifikasi")))
                .contains("- Alamat tidak berada di Desa Beji").doesNotContain("NIK ok");
        assertThat(body(mailAbout(email, "ditolak"))).contains("Usaha belum berjalan");
        assertThat(TestSmtp.messagesTo(email)).hasSize(5);
    }

    @Test
    void aRequestWithoutEmailQueuesNothing() throws Exception {
        String requestId = newRequestId();
        String trackingCode = newTrackingCode();
        RequestSubmitted noEmail = submitted(requestId, trackingCode, null);

        publish(requestId, noEmail);
        // a later event of the same partition: once its effect is visible, the submission was handled
        publish(requestId, new RequestRevised(requestId, trackingCode, LETTER_TYPE, VILLAGE, 1, noEmail.applicant(),
                noEmail.data(), Instant.now()));
        await().atMost(WAIT).until(() -> mongo.exists(Query.query(Criteria.where("_id").is(requestId)
                .and("revision").is(1)), "recipients"));

        http.perform(get("/api/v1/notifications").param("requestId", requestId))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
        assertThat(recorder().events(EventType.NOTIFICATION_DELIVERED, requestId)).isEmpty();
        assertThat(recorder().events(EventType.NOTIFICATION_FAILED, requestId)).isEmpty();
    }

    private List<NotificationDelivered> awaitDelivered(String requestId, int count) {
        await().atMost(WAIT).until(() -> recorder().events(EventType.NOTIFICATION_DELIVERED, requestId).size()
                >= count);
        List<NotificationDelivered> delivered = recorder().events(EventType.NOTIFICATION_DELIVERED, requestId)
                .stream().map(e -> payload(e, NotificationDelivered.class)).toList();
        assertThat(delivered).hasSize(count);
        return delivered;
    }

    private String notificationsOf(String requestId) throws Exception {
        return http.perform(get("/api/v1/notifications").param("requestId", requestId))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private double unknownRecipientWaits() {
        return meters.find("desaflow.notification.recipient.unknown").counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private static LetterIssued letterIssued(String requestId) {
        return new LetterIssued(requestId, LETTER_NUMBER, LETTER_TYPE, VILLAGE, "Suyanto", "Kepala Desa",
                Instant.now());
    }

    private static <T extends Record> T payload(IncomingEvent event, Class<T> type) {
        return EventJson.fromBytes(event.data(), type);
    }

    private static MimeMessage mailAbout(String email, String subjectPart) {
        return TestSmtp.messagesTo(email).stream().filter(m -> subject(m).contains(subjectPart)).findFirst()
                .orElseThrow(() -> new AssertionError("No mail to " + email + " about " + subjectPart));
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
