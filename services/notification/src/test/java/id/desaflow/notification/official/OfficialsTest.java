package id.desaflow.notification.official;

import id.desaflow.contracts.events.ApprovalTaskCreated;
import id.desaflow.contracts.events.ApprovalTaskDeadlineApproached;
import id.desaflow.contracts.events.ApprovalTaskEscalated;
import id.desaflow.contracts.events.EventType;
import id.desaflow.contracts.events.OfficialChanged;
import id.desaflow.notification.NotificationServiceTestSupport;
import id.desaflow.notification.TestSmtp;
import id.desaflow.notification.delivery.Audience;
import id.desaflow.notification.delivery.Channel;
import id.desaflow.notification.delivery.Notification;
import id.desaflow.notification.message.Messenger;
import id.desaflow.notification.preference.PreferenceBook;
import id.desaflow.notification.template.LetterTypeNames;
import id.desaflow.platform.outbox.OutboxMessage;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Officials hear of new tasks, reminders and escalations for their group; or once a day, if they chose so. */
class OfficialsTest extends NotificationServiceTestSupport {
    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    @Autowired
    OfficialDirectory directory;
    @Autowired
    PreferenceBook preferences;
    @Autowired
    DigestItems digestItems;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    Messenger messenger;
    @Autowired
    LetterTypeNames letterTypes;
    @Autowired
    TaskTimes times;
    @Autowired
    OfficialNotifier notifier;

    @Test
    void theDemoVillageHasOneOfficialPerRoleAndAKepalaDusunPerDusun() {
        assertThat(directory.membersOf("desa:" + VILLAGE + ":sekdes")).extracting(Official::email)
                .containsExactly("sekdes@beji.desa.id");
        assertThat(directory.membersOf("desa:" + VILLAGE + ":kadus")).hasSize(5);
        assertThat(directory.membersOf("desa:" + VILLAGE + ":kadus:bandung-kidul")).extracting(Official::email)
                .containsExactly("kadus-bandung-kidul@beji.desa.id");
        for (String role : List.of("kasi-pelayanan", "kasi-pemerintahan", "kades", "operator")) {
            assertThat(directory.membersOf("desa:" + VILLAGE + ":" + role)).as(role).hasSize(1);
        }
    }

    @Test
    void theMembersOfTheCandidateGroupHearOfANewTaskOnceAndItStaysOutOfTheResidentsTimeline() throws Exception {
        String requestId = newRequestId();
        String trackingCode = newTrackingCode();
        ApprovalTaskCreated created = new ApprovalTaskCreated(requestId, "task-" + UUID.randomUUID(),
                "Periksa berkas", "kasi-pelayanan", "desa:" + VILLAGE + ":kasi-pelayanan", VILLAGE,
                Instant.parse("2026-11-24T03:00:00Z"), Instant.now(), LETTER_TYPE, trackingCode);
        OutboxMessage event = OutboxMessage.of(requestId, created);
        publisher.publish(event);
        publisher.publish(event);

        MimeMessage mail = awaitMail("kasi-pelayanan@beji.desa.id", trackingCode);
        assertThat(mail.getSubject()).isEqualTo("Tugas baru: Periksa berkas - " + trackingCode);
        assertThat(body(mail)).contains("Yth. Bambang Wijaya", "Surat Keterangan Usaha",
                "24 November 2026 10.00 WIB", "http://localhost:8080/petugas", "/api/v1/unsubscribe/");
        await().atMost(WAIT).until(() -> notifications.findByCausedByAndRecipientKey(event.eventId(),
                "demo-beji-kasi-pelayanan").size() == 3);
        assertThat(notifications.findByCausedByAndRecipientKey(event.eventId(), "demo-beji-kasi-pelayanan"))
                .extracting(Notification::channel)
                .containsExactlyInAnyOrder(Channel.EMAIL, Channel.WHATSAPP, Channel.IN_APP);
        assertThat(notifications.findByCausedByAndRecipientKey(event.eventId(), "demo-beji-kasi-pelayanan"))
                .allSatisfy(n -> assertThat(n.audience()).isEqualTo(Audience.OFFICIAL));
        awaitSent(event.eventId(), "demo-beji-kasi-pelayanan", Channel.IN_APP);
        http.perform(get("/api/v1/inbox").with(actor("demo-beji-kasi-pelayanan",
                        "desa:" + VILLAGE + ":kasi-pelayanan")))
                .andExpect(jsonPath("$[?(@.title == 'Tugas baru: Periksa berkas - " + trackingCode + "')]")
                        .exists());
        assertThat(recorder().events(EventType.NOTIFICATION_DELIVERED, requestId)).isEmpty();
        assertThat(mails("kasi-pelayanan@beji.desa.id", trackingCode)).hasSize(1);
        assertThat(mails("sekdes@beji.desa.id", trackingCode)).isEmpty();
    }

    @Test
    void aKepalaDusunHearsOnlyOfTheTasksOfTheirDusun() {
        String trackingCode = newTrackingCode();
        publishTask("desa:" + VILLAGE + ":kadus:bandung-kidul", "kadus", "Periksa domisili", trackingCode);

        awaitMail("kadus-bandung-kidul@beji.desa.id", trackingCode);
        assertThat(mails("kadus-bandung@beji.desa.id", trackingCode)).isEmpty();
        assertThat(mails("kadus-beji@beji.desa.id", trackingCode)).isEmpty();
    }

    @Test
    void remindersGoToTheGroupAndEscalationsToTheSuperiorGroupOncePerEvent() throws Exception {
        String requestId = newRequestId();
        String trackingCode = newTrackingCode();
        Instant due = Instant.parse("2026-11-25T02:00:00Z");
        OutboxMessage reminderEvent = publish(requestId, new ApprovalTaskDeadlineApproached(requestId, "task-r",
                "Paraf sekretaris desa", "sekdes", "desa:" + VILLAGE + ":sekdes", VILLAGE, LETTER_TYPE, trackingCode,
                due, Instant.now()));
        OutboxMessage escalationEvent = publish(requestId, new ApprovalTaskEscalated(requestId, "task-r",
                "Paraf sekretaris desa", "sekdes", "desa:" + VILLAGE + ":sekdes", VILLAGE, LETTER_TYPE, trackingCode,
                "desa:" + VILLAGE + ":kades", false, due, Instant.now()));
        // redelivered (same CloudEvents id): nothing more for anyone
        publisher.publish(reminderEvent);
        publisher.publish(escalationEvent);

        MimeMessage reminder = awaitMail("sekdes@beji.desa.id", trackingCode);
        assertThat(reminder.getSubject()).startsWith("Pengingat: Paraf sekretaris desa");
        assertThat(body(reminder)).contains("25 November 2026 09.00 WIB");
        MimeMessage escalation = awaitMail("kades@beji.desa.id", trackingCode);
        assertThat(escalation.getSubject()).startsWith("Eskalasi: Paraf sekretaris desa");
        assertThat(body(escalation)).contains("Yth. Suyanto", "Mohon bantu agar tugas ini segera diselesaikan");
        // the second copy of each event was consumed after the first (same key, same partition)
        String later = newTrackingCode();
        publishTask("desa:" + VILLAGE + ":kades", "kades", "Tanda tangan", later);
        awaitMail("kades@beji.desa.id", later);
        await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> mails("sekdes@beji.desa.id", trackingCode)
                .size() == 1 && mails("kades@beji.desa.id", trackingCode).size() == 1);
        assertThat(notifications.findByCausedByAndRecipientKey(escalationEvent.eventId(), "demo-beji-kades"))
                .extracting(Notification::channel).containsOnlyOnce(Channel.EMAIL);
    }

    @Test
    void aTaskMovedUpToTheSuperiorGroupIsTheirNewTaskInTheirLanguage() throws Exception {
        String village = otherVillage();
        String userId = announcedOfficial(village, "kades");
        String email = emailOf(userId);
        http.perform(put("/api/v1/preferences/me").with(actor(userId, "desa:" + village + ":kades"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"channels\":[\"EMAIL\"],\"optedOut\":false,\"language\":\"en\"}"))
                .andExpect(status().isOk());

        String requestId = newRequestId();
        String trackingCode = newTrackingCode();
        publish(requestId, new ApprovalTaskEscalated(requestId, "task-m", "Paraf sekretaris desa", "sekdes",
                "desa:" + village + ":sekdes", village, LETTER_TYPE, trackingCode, "desa:" + village + ":kades",
                true, Instant.parse("2026-11-25T02:00:00Z"), Instant.now()));

        MimeMessage moved = awaitMail(email, trackingCode);
        assertThat(moved.getSubject()).startsWith("New task: Paraf sekretaris desa");
        assertThat(body(moved)).contains("25 November 2026, 09:00 WIB");
    }

    @Test
    void aTaskEventFromLongAgoIsHistoryNotNews() {
        String old = newTrackingCode();
        String fresh = newTrackingCode();
        String requestId = newRequestId();
        String group = "desa:" + VILLAGE + ":kasi-pemerintahan";
        publish(requestId, new ApprovalTaskCreated(requestId, "task-old", "Periksa berkas", "kasi-pemerintahan",
                group, VILLAGE, null, Instant.now().minus(Duration.ofDays(3)), LETTER_TYPE, old));
        publish(requestId, new ApprovalTaskCreated(requestId, "task-fresh", "Periksa berkas", "kasi-pemerintahan",
                group, VILLAGE, null, Instant.now(), LETTER_TYPE, fresh));

        // same key, same partition: once the later one is told, the earlier one was handled
        awaitMail("kasi-pemerintahan@beji.desa.id", fresh);
        assertThat(mails("kasi-pemerintahan@beji.desa.id", old)).isEmpty();
    }

    @Test
    void theDirectoryFollowsIdentityAnnouncementsAndIgnoresOlderOnes() {
        String village = otherVillage();
        String userId = "u-" + UUID.randomUUID();
        String email = "sekdes." + userId.substring(2, 10) + "@desa.test";
        Instant changed = Instant.now().minusSeconds(60);
        publish(userId, official(userId, village, "sekdes", email, true, changed));
        await().atMost(WAIT).until(() -> directory.find(userId).isPresent());

        String first = newTrackingCode();
        publishTask("desa:" + village + ":sekdes", "sekdes", "Paraf", first);
        awaitMail(email, first);

        publish(userId, official(userId, village, "sekdes", email, false, changed.plusSeconds(30)));
        publish(userId, official(userId, village, "sekdes", email, true, changed.minusSeconds(30)));
        await().atMost(WAIT).until(() -> directory.find(userId).map(o -> !o.active()).orElse(false));
        await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> directory.find(userId)
                .map(o -> !o.active()).orElse(false));
        assertThat(directory.membersOf("desa:" + village + ":sekdes")).isEmpty();
    }

    @Test
    void anIdentityAnnouncementReplacesTheDemoStandInOfTheSameUsername() {
        directory.seedIfAbsent(new OfficialChanged("demo-x-operator", "operator.x" + ThreadLocalRandom.current()
                .nextInt(1000, 9999), "Stand-in", otherVillage(), List.of("operator"), null, "x@desa.test", null,
                true, Instant.parse("2026-01-01T00:00:00Z")));
        Official standIn = directory.find("demo-x-operator").orElseThrow();

        directory.apply(official("u-real-operator", standIn.villageCode(), "operator", "real@desa.test", true,
                Instant.now(), standIn.username()));

        assertThat(directory.find("demo-x-operator")).isEmpty();
        assertThat(directory.membersOf("desa:" + standIn.villageCode() + ":operator")).extracting(Official::userId)
                .containsExactly("u-real-operator");
    }

    @Test
    void anOfficialWhoChoseTheDigestGetsOneMessageAtTheDigestHourInsteadOfOnePerTask() throws Exception {
        String village = otherVillage();
        String userId = announcedOfficial(village, "kasi-pelayanan");
        String email = emailOf(userId);
        http.perform(put("/api/v1/preferences/{key}", userId).with(actor(userId)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"channels\":[\"EMAIL\"],\"optedOut\":false,\"digest\":true}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.digest").value(true));

        String newTask = newTrackingCode();
        String reminded = newTrackingCode();
        String group = "desa:" + village + ":kasi-pelayanan";
        publishTask(group, "kasi-pelayanan", "Periksa berkas", newTask);
        String requestId = newRequestId();
        publish(requestId, new ApprovalTaskDeadlineApproached(requestId, "task-d", "Periksa berkas",
                "kasi-pelayanan", group, village, "surat-keterangan-domisili", reminded,
                Instant.parse("2026-11-26T01:00:00Z"), Instant.now()));
        await().atMost(WAIT).until(() -> digestItems.findByUserIdAndSentFalseAndDigestDateLessThanEqualOrderByDueAtAsc(
                userId, LocalDate.now().plusDays(2)).size() == 2);
        assertThat(TestSmtp.messagesTo(email)).as("no message per task").isEmpty();

        LocalDate digestDay = times.digestFor(Instant.now());
        digestAt(digestDay.atTime(LocalTime.of(6, 59))).sendDue();
        assertThat(mongo.count(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("recipientKey").is(userId)),
                Notification.class)).as("nothing before the digest hour").isZero();

        DailyDigest atSeven = digestAt(digestDay.atTime(LocalTime.of(7, 1)));
        atSeven.sendDue();
        atSeven.sendDue();
        digestAt(digestDay.plusDays(1).atTime(LocalTime.of(7, 1))).sendDue();

        await().atMost(WAIT).until(() -> TestSmtp.messagesTo(email).size() == 1);
        MimeMessage digest = TestSmtp.messagesTo(email).get(0);
        assertThat(digest.getSubject()).startsWith("Ringkasan tugas").endsWith(": 2 tugas");
        assertThat(body(digest)).contains("- [Baru] Periksa berkas - Surat Keterangan Usaha " + newTask,
                "- [Pengingat] Periksa berkas - Surat Keterangan Domisili " + reminded, "26 November 2026 08.00 WIB");
        await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> TestSmtp.messagesTo(email).size() == 1);

        // an escalation is urgent: it comes at once even to a digest reader
        String escalated = newTrackingCode();
        publish(requestId, new ApprovalTaskEscalated(requestId, "task-e", "Periksa berkas", "operator",
                "desa:" + village + ":operator", village, LETTER_TYPE, escalated, "desa:" + village
                + ":kasi-pelayanan", false, null, Instant.now()));
        assertThat(awaitMail(email, escalated).getSubject()).startsWith("Eskalasi");
        // ... and is listed as overdue in a digest of its own, though that day's digest already went out
        LocalDate nextDay = digestDay.plusDays(1);
        await().atMost(WAIT).until(() -> digestItems.findByUserIdAndSentFalseAndDigestDateLessThanEqualOrderByDueAtAsc(
                userId, nextDay).size() == 1);
        digestAt(nextDay.atTime(LocalTime.of(7, 1))).sendDue();
        await().atMost(WAIT).until(() -> TestSmtp.messagesTo(email).stream().anyMatch(m -> body(m).contains(
                "- [Terlambat] Periksa berkas - Surat Keterangan Usaha " + escalated)));
    }

    /** A new official of {@code village}, announced by identity and in the directory; their e-mail is emailOf(id). */
    private String announcedOfficial(String village, String role) {
        String userId = "u-" + UUID.randomUUID();
        publish(userId, official(userId, village, role, emailOf(userId), true, Instant.now()));
        await().atMost(WAIT).until(() -> directory.find(userId).isPresent());
        return userId;
    }

    private static String emailOf(String userId) {
        return "petugas." + userId.substring(2, 10) + "@desa.test";
    }

    private DailyDigest digestAt(java.time.LocalDateTime wib) {
        return new DailyDigest(preferences, directory, digestItems, mongo, messenger, letterTypes, times, notifier,
                Clock.fixed(wib.atZone(WIB).toInstant(), WIB));
    }

    private void publishTask(String group, String role, String taskName, String trackingCode) {
        String requestId = newRequestId();
        String village = group.split(":")[1];
        publish(requestId, new ApprovalTaskCreated(requestId, "task-" + UUID.randomUUID(), taskName, role, group,
                village, null, Instant.now(), LETTER_TYPE, trackingCode));
    }

    private void awaitSent(String eventId, String recipientKey, Channel channel) {
        await().atMost(WAIT).until(() -> notifications.findById(Notification.idFor(eventId, Audience.OFFICIAL,
                recipientKey, channel)).map(n -> n.deliveredAt() != null).orElse(false));
    }

    private static OfficialChanged official(String userId, String village, String role, String email,
            boolean active, Instant changedAt) {
        return official(userId, village, role, email, active, changedAt, "user" + userId.substring(2, 12));
    }

    private static OfficialChanged official(String userId, String village, String role, String email,
            boolean active, Instant changedAt, String username) {
        return new OfficialChanged(userId, username, "Petugas Uji", village, List.of(role), null, email, null,
                active, changedAt);
    }

    /** A village of its own per test, so the demo officials of Desa Beji are not in its groups. */
    private static String otherVillage() {
        return "33090" + (10000 + ThreadLocalRandom.current().nextInt(89999));
    }

    private static MimeMessage awaitMail(String email, String trackingCode) {
        await().atMost(WAIT).until(() -> !mails(email, trackingCode).isEmpty());
        return mails(email, trackingCode).get(0);
    }

    private static List<MimeMessage> mails(String email, String trackingCode) {
        return TestSmtp.messagesTo(email).stream().filter(m -> subject(m).contains(trackingCode)).toList();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage m) {
        try {
            return m.getContent().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
